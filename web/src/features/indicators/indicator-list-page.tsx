import { Card, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Indicator } from '../../api/types';
import { useApi } from '../../api/use-api';
import { PageState } from '../../components/page-state';

/** The indicator catalogue, searchable, each linked to its page. */
export default function IndicatorListPage() {
  const { t, i18n } = useTranslation();
  const indicators = useApi<{ indicators: Indicator[] }>('/api/indicators');
  const [q, setQ] = useState('');
  const en = i18n.language === 'en';
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {t('indicators.title')}
        </Typography.Title>
      }
      extra={
        <Input.Search
          aria-label={t('indicators.search')}
          placeholder={t('indicators.search')}
          allowClear
          onChange={(e) => setQ(e.target.value.trim())}
          style={{ width: 220 }}
        />
      }
    >
      <PageState {...indicators} isEmpty={(d) => d.indicators.length === 0}>
        {(d) => (
          <Table
            rowKey="code"
            size="small"
            scroll={{ x: 640 }}
            dataSource={d.indicators.filter(
              (i) =>
                !q ||
                i.nameZh.includes(q) ||
                i.nameEn.toLowerCase().includes(q.toLowerCase()) ||
                i.aliases.some((a) => a.includes(q)),
            )}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            columns={[
              {
                title: t('indicators.name'),
                render: (_, i) => (
                  <Link to={`/indicators/${encodeURIComponent(i.code)}`}>{en ? i.nameEn : i.nameZh}</Link>
                ),
              },
              {
                title: t('indicators.area'),
                dataIndex: 'area',
                render: (a: string) => t(`area.${a}`, { defaultValue: a }),
              },
              { title: t('indicators.unit'), dataIndex: 'unit' },
              { title: t('indicators.department'), dataIndex: 'department' },
              {
                title: t('indicators.kind'),
                dataIndex: 'kind',
                render: (k: string) => <Tag>{t(`indicatorKind.${k}`, { defaultValue: k })}</Tag>,
              },
            ]}
          />
        )}
      </PageState>
    </Card>
  );
}
