import { Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { PageState } from '../../components/page-state';

interface AlertRow {
  id: string;
  level: string;
  status?: string;
  indicator?: string;
  region?: string;
  message?: string;
  createdAt?: string;
}

/** Alerts and 督办 from the evaluation API (GET /api/alerts); the not-yet state until that module is served. */
export default function AlertsPage() {
  const { t } = useTranslation();
  const alerts = useApi<{ alerts: AlertRow[] }>('/api/alerts');
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {t('alerts.title')}
        </Typography.Title>
      }
    >
      <PageState {...alerts} isEmpty={(d) => d.alerts.length === 0} emptyText={t('alerts.none')}>
        {(d) => (
          <Table
            size="small"
            rowKey="id"
            dataSource={d.alerts}
            scroll={{ x: 640 }}
            columns={[
              {
                title: t('alerts.level'),
                dataIndex: 'level',
                render: (l: string) => (
                  <Tag color={l === 'red' ? 'red' : l === 'orange' ? 'orange' : 'gold'}>
                    {t(`alertLevel.${l}`, { defaultValue: l })}
                  </Tag>
                ),
              },
              { title: t('plans.indicator'), dataIndex: 'indicator' },
              { title: t('indicator.region'), dataIndex: 'region' },
              { title: t('alerts.message'), dataIndex: 'message' },
              {
                title: t('indicator.status'),
                dataIndex: 'status',
                render: (s?: string) => <Space>{s ? t(`alertStatus.${s}`, { defaultValue: s }) : '—'}</Space>,
              },
            ]}
          />
        )}
      </PageState>
    </Card>
  );
}
