import { Breadcrumb, Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionDetail } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useUser } from '../../auth/auth-context';
import { PageState } from '../../components/page-state';

/** Browse the regions (GB/T 2260) of the user's scope, down through their subordinate units. */
export default function RegionsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [trail, setTrail] = useState<string[]>([user.regionCode]);
  const code = trail[trail.length - 1]!;
  const region = useApi<RegionDetail>(`/api/regions/${code}`);
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {t('regions.title')}
        </Typography.Title>
      }
    >
      <PageState {...region}>
        {(d) => (
          <>
            <Breadcrumb
              style={{ marginBottom: 12 }}
              items={[
                { title: d.path.join(' / ') },
                ...(trail.length > 1
                  ? [
                      {
                        title: (
                          <Button type="link" size="small" onClick={() => setTrail(trail.slice(0, -1))}>
                            {t('regions.up')}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            <Table
              size="small"
              rowKey="code"
              dataSource={d.children}
              pagination={false}
              locale={{ emptyText: t('regions.noChildren') }}
              columns={[
                { title: t('regions.code'), dataIndex: 'code' },
                {
                  title: t('regions.name'),
                  render: (_, r) => (
                    <Button type="link" size="small" onClick={() => setTrail([...trail, r.code])}>
                      {r.name}
                    </Button>
                  ),
                },
                {
                  title: t('regions.level'),
                  dataIndex: 'level',
                  render: (l: string) => t(`level.${l}`, { defaultValue: l }),
                },
              ]}
            />
          </>
        )}
      </PageState>
    </Card>
  );
}
