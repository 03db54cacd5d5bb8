import { Alert, Card, Col, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rankingOption } from '../../../../src/charts/region-comparison-option';
import { ranking, type RankedRegion } from '../../../../src/domain/evaluation/ranking';
import type { Indicator, Observation, PlanSummary, RegionDetail, Target } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useUser } from '../../auth/auth-context';
import { Chart } from '../../components/chart';
import { PageState } from '../../components/page-state';
import { SimulatedTag } from '../../components/simulated-tag';
import { targetSex } from '../../lib/target-sex';
import { ancestorCodes, planForRegion } from '../../lib/plan-for-region';
import { isHeadline, targetsOf } from '../../lib/scope-data';

/**
 * The sub-regions of the plan's region ranked for a year by the composite distance-to-target score
 * (src/domain/evaluation/ranking): table and chart, rank change against the year before, each score's parts.
 */
export default function RankingPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const user = useUser();
  const plans = useApi<{ plans: PlanSummary[] }>('/api/plans');
  const plan = plans.data
    ? (planForRegion(plans.data.plans, user.regionCode, ancestorCodes(user.regionCode)) ??
      plans.data.plans[0])
    : undefined;
  const region = plan?.regionCode ?? user.regionCode;
  const targets = useApi<{ targets: Target[] }>(
    plan ? `/api/plans/${encodeURIComponent(plan.id)}/targets` : null,
  );
  const catalog = useApi<{ indicators: Indicator[] }>('/api/indicators');
  const regionInfo = useApi<RegionDetail>(`/api/regions/${region}`);
  const observations = useApi<{ observations: Observation[] }>(`/api/observations?region=${region}`);
  // Approved values only: a year still being reported (drafts, submitted values) is not ranked on.
  const approved = useMemo(
    () => (observations.data?.observations ?? []).filter((o) => o.status === 'approved'),
    [observations.data],
  );
  const years = useMemo(() => [...new Set(approved.map((o) => o.year))].sort((a, b) => b - a), [approved]);
  const [chosenYear, setYear] = useState<number | undefined>();
  const year = chosenYear ?? years[0];

  const result = useMemo(() => {
    if (!targets.data || !catalog.data || !observations.data || !regionInfo.data || year === undefined)
      return undefined;
    const all = catalog.data.indicators;
    const indicators = all.flatMap((ind) => {
      const own = targetsOf(targets.data!.targets, ind, all).filter(
        (tg) => tg.value !== null && (tg.comparator === '>=' || tg.comparator === '<='),
      );
      const target = own.sort((a, b) => b.year - a.year)[0];
      return target ? [{ ind, target }] : [];
    });
    const rows = approved;
    const valuesIn = (y: number) =>
      regionInfo.data!.children.map((r) => ({
        region: r.code,
        values: Object.fromEntries(
          indicators.map(({ ind }) => {
            const o = rows.find(
              (x) =>
                x.regionCode === r.code &&
                x.indicatorCode === ind.code &&
                x.year === y &&
                x.sex === targetSex(ind) &&
                isHeadline(x),
            );
            return [ind.code, o ? { value: o.value, denominator: o.denominator } : undefined];
          }),
        ),
      }));
    const spec = indicators.map(({ ind, target }) => ({
      id: ind.code,
      direction: target.comparator === '<=' ? ('down' as const) : ('up' as const),
      target: target.value,
    }));
    const before = ranking(spec, valuesIn(year - 1));
    const previous = Object.fromEntries(before.map((r) => [r.region, r.rank]));
    return { ranked: ranking(spec, valuesIn(year), previous), indicators: indicators.map((i) => i.ind) };
  }, [targets.data, catalog.data, observations.data, approved, regionInfo.data, year]);

  const nameOf = (code: string) => regionInfo.data?.children.find((c) => c.code === code)?.name ?? code;
  const indicatorName = (code: string) => {
    const ind = catalog.data?.indicators.find((i) => i.code === code);
    return ind ? (lang === 'en' ? ind.nameEn : ind.nameZh) : code;
  };
  const simulated = approved.some((o) => o.simulated && o.year === year);
  const loading =
    plans.loading || targets.loading || catalog.loading || observations.loading || regionInfo.loading;
  const error = plans.error ?? targets.error ?? catalog.error ?? observations.error ?? regionInfo.error;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
            {t('ranking.title')} {regionInfo.data ? `· ${regionInfo.data.region.name}` : ''}
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
        data={result}
        isEmpty={(r) => r.ranked.length === 0 || r.indicators.length === 0}
        emptyText={t('ranking.none')}
      >
        {(r) => (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Card title={t('ranking.chart')}>
                <Chart
                  label={t('ranking.chart')}
                  height={Math.max(260, r.ranked.length * 30 + 90)}
                  option={rankingOption({
                    title: '',
                    regions: r.ranked.map((x) => ({
                      name: nameOf(x.region),
                      rank: x.rank,
                      score: x.score,
                    })),
                    ...(simulated ? { subtitle: t('simulated.label') } : {}),
                    lang,
                  })}
                />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card title={t('ranking.table', { count: r.indicators.length })}>
                <Table<RankedRegion>
                  size="small"
                  rowKey="region"
                  pagination={false}
                  scroll={{ x: 560 }}
                  dataSource={[...r.ranked].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999))}
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
                    { title: t('indicator.region'), render: (_, x) => nameOf(x.region) },
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
                <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('ranking.explain')} />
              </Card>
            </Col>
          </Row>
        )}
      </PageState>
    </Space>
  );
}
