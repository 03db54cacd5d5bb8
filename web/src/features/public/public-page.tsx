import { Button, Card, Layout, Select, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { seriesOption } from '../../../../src/charts/series-option';
import { useApi } from '../../api/use-api';
import { Chart } from '../../components/chart';
import { PageState } from '../../components/page-state';
import { SimulatedTag } from '../../components/simulated-tag';
import { StatusTag } from '../../components/status-tag';
import type { ProgressStatus } from '../../../../src/domain/evaluation/progress-status';

interface PublishedYear {
  planId: string;
  planTitle: string;
  region: string;
  year: number;
  publishedAt: string;
}

interface PublicIndicator {
  targetKey: string;
  label: string;
  indicatorCode: string;
  unit: string | null;
  status: ProgressStatus;
  statusName: string;
  explanation: string;
  milestones: { year: number; comparator: string; value: number | null }[];
  series: { year: number; value: number | null }[];
  simulated: boolean;
}

interface PublicPlanYear {
  planId: string;
  planTitle: string;
  year: number;
  publishedAt: string;
  attainment: { achieved: number; assessable: number; rate: number | null };
  indicators: PublicIndicator[];
}

/**
 * The public section (公开数据, no sign-in): the years a plan owner has published, each with its indicators,
 * statuses, 达标率, a chart per indicator, open data (Open SDG CSV, JSON, zip) and the reports. Only what
 * the server lists as published is shown; nothing else is asked for.
 */
export default function PublicPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const list = useApi<{ publications: PublishedYear[] }>('/api/public/publications');
  const [chosen, setChosen] = useState<string>();
  const first = list.data?.publications[0];
  const key = chosen ?? (first ? `${first.planId}/${first.year}` : undefined);
  const [planId, year] = key ? key.split('/') : [undefined, undefined];
  const base = planId ? `/api/public/plans/${encodeURIComponent(planId)}/years/${year}` : null;
  const detail = useApi<PublicPlanYear>(base);
  const [selected, setSelected] = useState<string>();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
          {t('app.title')} · {t('public.title')}
        </Typography.Title>
        <Link to="/sign-in" style={{ color: '#fff' }}>
          {t('public.signIn')}
        </Link>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <PageState {...list} isEmpty={(d) => d.publications.length === 0} emptyText={t('public.none')}>
            {(data) => (
              <Select
                aria-label={t('public.choose')}
                style={{ minWidth: 420 }}
                value={key}
                onChange={(v: string) => {
                  setChosen(v);
                  setSelected(undefined);
                }}
                options={data.publications.map((p) => ({
                  value: `${p.planId}/${p.year}`,
                  label: t('public.option', { title: p.planTitle, year: p.year }),
                }))}
              />
            )}
          </PageState>
          {base && (
            <PageState {...detail}>
              {(d) => {
                const indicator = d.indicators.find((i) => i.targetKey === selected) ?? d.indicators[0];
                return (
                  <Space direction="vertical" size="large" style={{ width: '100%' }}>
                    <Card>
                      <Space size="large" wrap>
                        <Statistic
                          title={t('public.attainment')}
                          value={
                            d.attainment.rate === null ? '—' : `${Math.round(d.attainment.rate * 100)} %`
                          }
                        />
                        <Typography.Text>
                          {t('public.attainmentCount', {
                            achieved: d.attainment.achieved,
                            assessable: d.attainment.assessable,
                          })}
                        </Typography.Text>
                        <Button href={`${base}/open-data.zip`}>{t('public.zip')}</Button>
                        <Button href={`${base}/reports/annual`}>{t('public.annual')}</Button>
                        <Button href={`${base}/reports/yearbook?format=xlsx`}>{t('public.yearbook')}</Button>
                      </Space>
                    </Card>
                    {indicator && (
                      <Card title={indicator.label} extra={indicator.simulated ? <SimulatedTag /> : null}>
                        <Chart
                          label={indicator.label}
                          option={seriesOption({
                            title: indicator.label,
                            unit: indicator.unit,
                            lines: [{ name: t('public.value'), points: indicator.series }],
                            targets: indicator.milestones.flatMap((m) =>
                              m.value === null ? [] : [{ year: m.year, value: m.value }],
                            ),
                            lang,
                          })}
                        />
                        <Typography.Paragraph>{indicator.explanation}</Typography.Paragraph>
                      </Card>
                    )}
                    <Table
                      rowKey="targetKey"
                      size="small"
                      dataSource={d.indicators}
                      onRow={(r) => ({
                        onClick: () => setSelected(r.targetKey),
                        onKeyDown: (e) => {
                          if (e.key === 'Enter') setSelected(r.targetKey);
                        },
                        tabIndex: 0,
                        style: { cursor: 'pointer' },
                      })}
                      rowClassName={(r) =>
                        r.targetKey === indicator?.targetKey ? 'ant-table-row-selected' : ''
                      }
                      columns={[
                        { title: t('public.indicator'), dataIndex: 'label' },
                        {
                          title: t('public.status'),
                          dataIndex: 'status',
                          render: (v: ProgressStatus, r) => (
                            <Space>
                              <StatusTag status={v} lang={lang} />
                              {r.simulated && <SimulatedTag />}
                            </Space>
                          ),
                        },
                        {
                          title: t('public.openData'),
                          render: (_: unknown, r) => (
                            <Space>
                              <a href={`${base}/open-data/${encodeURIComponent(r.indicatorCode)}`}>CSV</a>
                              <a
                                href={`${base}/open-data/${encodeURIComponent(r.indicatorCode)}?format=json`}
                              >
                                JSON
                              </a>
                            </Space>
                          ),
                        },
                      ]}
                    />
                  </Space>
                );
              }}
            </PageState>
          )}
        </Space>
      </Layout.Content>
    </Layout>
  );
}
