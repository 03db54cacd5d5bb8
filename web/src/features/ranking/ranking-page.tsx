import { Alert, Card, Col, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rankingOption } from '../../../../src/charts/region-comparison-option';
import type { EvaluationOverview, Indicator, PlanSummary, RegionRanking } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useUser } from '../../auth/auth-context';
import { Chart } from '../../components/chart';
import { PageState } from '../../components/page-state';
import { SimulatedTag } from '../../components/simulated-tag';
import { userPlan } from '../../lib/plan-for-region';
import { overviewPath } from '../overview/overview-prefetch';

type Ranked = RegionRanking['regions'][number];

/**
 * The sub-regions of the plan's region ranked for a year by the server (GET /api/plans/:id/ranking, the same
 * ranking as the reports: composite distance-to-target score, small populations shrunk toward the parent, ties
 * and missing data by its rule): table and chart, rank change against the year before, each score's parts.
 * The years offered run back from the latest with approved data (the overview's year).
 */
export default function RankingPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const user = useUser();
  const plans = useApi<{ plans: PlanSummary[] }>('/api/plans');
  const plan = plans.data ? userPlan(plans.data.plans, user.regionCode) : undefined;
  const overview = useApi<EvaluationOverview>(plan ? overviewPath(plan.id) : null);
  const catalog = useApi<{ indicators: Indicator[] }>('/api/indicators');
  const years = useMemo(() => {
    if (!overview.data || !plan) return [];
    const first = Math.min(overview.data.year, Math.max(2000, (plan.period[0] ?? 2021) - 1));
    return Array.from({ length: overview.data.year - first + 1 }, (_, i) => overview.data!.year - i);
  }, [overview.data, plan]);
  const [chosenYear, setYear] = useState<number | undefined>();
  const year = chosenYear ?? years[0];
  const ranked = useApi<RegionRanking>(
    plan && year !== undefined ? `/api/plans/${encodeURIComponent(plan.id)}/ranking?year=${year}` : null,
  );

  const indicatorName = (code: string) => {
    const ind = catalog.data?.indicators.find((i) => i.code === code);
    if (ind) return lang === 'en' ? ind.nameEn : ind.nameZh;
    return ranked.data?.indicators.find((i) => i.code === code)?.name ?? code;
  };
  const simulated = overview.data?.simulated ?? false;
  const loading =
    plans.loading || overview.loading || ranked.loading || (!!plan && !ranked.data && !ranked.error);
  const error = plans.error ?? overview.error ?? ranked.error;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
            {t('ranking.title')} {ranked.data ? `· ${ranked.data.parentName}` : ''}
          </Typography.Title>
          <Space>
            {simulated && <SimulatedTag />}
            <label htmlFor="ranking-year">{t('entry.year')}</label>
            <Select
              id="ranking-year"
              style={{ width: 100 }}
              value={year}
              onChange={(v: number) => setYear(v)}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
          </Space>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('ranking.method')}
        </Typography.Paragraph>
      </Card>
      <PageState
        loading={loading}
        error={error}
        data={ranked.data}
        isEmpty={(r) => r.regions.length === 0 || r.indicators.length === 0}
        emptyText={t('ranking.none')}
      >
        {(r) => (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Card title={t('ranking.chart')}>
                <Chart
                  label={t('ranking.chart')}
                  height={Math.max(260, r.regions.length * 30 + 90)}
                  option={rankingOption({
                    title: '',
                    regions: r.regions.map((x) => ({ name: x.regionName, rank: x.rank, score: x.score })),
                    ...(simulated ? { subtitle: t('simulated.label') } : {}),
                    lang,
                  })}
                />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card title={t('ranking.table', { count: r.indicators.length })}>
                <Table<Ranked>
                  size="small"
                  rowKey="region"
                  pagination={false}
                  scroll={{ x: 560 }}
                  dataSource={[...r.regions].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999))}
                  expandable={{
                    expandedRowRender: (x) => (
                      <Table
                        size="small"
                        rowKey="indicator"
                        pagination={false}
                        dataSource={x.components}
                        columns={[
                          { title: t('plans.indicator'), render: (_, c) => indicatorName(c.indicator) },
                          {
                            title: t('ranking.raw'),
                            dataIndex: 'raw',
                            render: (v: number | null) => v ?? t('ranking.noData'),
                          },
                          {
                            title: t('ranking.componentScore'),
                            render: (_, c) => (c.score === null ? '—' : (c.score * 100).toFixed(0)),
                          },
                          {
                            title: t('ranking.contribution'),
                            render: (_, c) =>
                              c.contribution === null ? '—' : (c.contribution * 100).toFixed(1),
                          },
                        ]}
                      />
                    ),
                  }}
                  columns={[
                    {
                      title: t('ranking.rank'),
                      dataIndex: 'rank',
                      render: (v: number | null) => v ?? '—',
                      width: 60,
                    },
                    { title: t('indicator.region'), dataIndex: 'regionName' },
                    {
                      title: t('ranking.score'),
                      render: (_, x) =>
                        x.score === null ? t('ranking.insufficient') : (x.score * 100).toFixed(1),
                    },
                    {
                      title: t('ranking.change'),
                      render: (_, x) =>
                        x.rankChange === null ? (
                          '—'
                        ) : x.rankChange > 0 ? (
                          <Tag color="green">↑{x.rankChange}</Tag>
                        ) : x.rankChange < 0 ? (
                          <Tag color="red">↓{-x.rankChange}</Tag>
                        ) : (
                          <Tag>＝</Tag>
                        ),
                    },
                    { title: t('ranking.withData'), dataIndex: 'indicatorsWithData' },
                  ]}
                />
                <Alert
                  style={{ marginTop: 12 }}
                  type="info"
                  showIcon
                  title={t('ranking.explain')}
                  description={lang === 'zh' ? r.rule : undefined}
                />
              </Card>
            </Col>
          </Row>
        )}
      </PageState>
    </Space>
  );
}
