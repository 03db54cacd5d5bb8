import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../api/types';
import { useApi } from '../../api/use-api';
import { PageState } from '../../components/page-state';

/** The departments (责任单位) of the plans in the user's region, normalised, with the other names seen. */
export default function DepartmentsPage() {
  const { t } = useTranslation();
  const departments = useApi<{ departments: Department[] }>('/api/departments');
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {t('departments.title')}
        </Typography.Title>
      }
    >
      <PageState {...departments} isEmpty={(d) => d.departments.length === 0}>
        {(d) => (
          <Table
            size="small"
            rowKey="name"
            dataSource={d.departments}
            pagination={{ pageSize: 30, showSizeChanger: false }}
            columns={[
              { title: t('departments.name'), dataIndex: 'name' },
              {
                title: t('departments.aliases'),
                render: (_, x) => x.aliases.map((a) => <Tag key={a}>{a}</Tag>),
              },
            ]}
          />
        )}
      </PageState>
    </Card>
  );
}
