import { Card, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PlanSummary } from '../../api/types';
import { useApi } from '../../api/use-api';
import { PageState } from '../../components/page-state';
import { PlanImport } from './plan-import';

/** The plans in scope, and importing a plan document (upload, check the parse beside its source, save). */
export default function PlanAdminPage() {
  const { t, i18n } = useTranslation();
  const plans = useApi<{ plans: PlanSummary[] }>('/api/plans');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PlanImport onSaved={plans.reload} />
      <Card
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
            {t('planAdmin.title')}
          </Typography.Title>
        }
      >
        <PageState {...plans} isEmpty={(d) => d.plans.length === 0} emptyText={t('plans.none')}>
          {(d) => (
            <Table
              size="small"
              rowKey="id"
              dataSource={d.plans}
              pagination={false}
              scroll={{ x: 640 }}
              columns={[
                {
                  title: t('plans.planTitle'),
                  render: (_, p) => <Link to={`/plans/${encodeURIComponent(p.id)}`}>{p.title}</Link>,
                },
                { title: 'ID', dataIndex: 'id' },
                { title: t('plans.region'), dataIndex: 'region' },
                { title: t('planAdmin.format'), dataIndex: 'sourceFormat' },
                {
                  title: t('planAdmin.updated'),
                  render: (_, p) =>
                    new Date(p.updatedAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN'),
                },
                { title: t('plans.targets'), render: (_, p) => p.counts.targets },
              ]}
            />
          )}
        </PageState>
      </Card>
    </Space>
  );
}
