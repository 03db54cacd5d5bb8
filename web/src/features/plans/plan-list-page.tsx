import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PlanSummary } from '../../api/types';
import { useApi } from '../../api/use-api';
import { PageState } from '../../components/page-state';

/** The plans in the user's region scope. */
export default function PlanListPage() {
  const { t } = useTranslation();
  const plans = useApi<{ plans: PlanSummary[] }>('/api/plans');
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {t('plans.title')}
        </Typography.Title>
      }
    >
      <PageState {...plans} isEmpty={(d) => d.plans.length === 0} emptyText={t('plans.none')}>
        {(d) => (
          <Table
            rowKey="id"
            dataSource={d.plans}
            pagination={false}
            scroll={{ x: 640 }}
            columns={[
              {
                title: t('plans.planTitle'),
                dataIndex: 'title',
                render: (title: string, p) => <Link to={`/plans/${encodeURIComponent(p.id)}`}>{title}</Link>,
              },
              { title: t('plans.region'), dataIndex: 'region' },
              { title: t('plans.period'), render: (_, p) => p.period.join('—') },
              { title: t('plans.goals'), render: (_, p) => p.counts.goals },
              { title: t('plans.measures'), render: (_, p) => p.counts.measures },
              { title: t('plans.targets'), render: (_, p) => p.counts.targets },
            ]}
          />
        )}
      </PageState>
    </Card>
  );
}
