import { Alert, Card, Col, Descriptions, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { assessTarget } from '../../../../src/domain/evaluation/assess-target';
import { seriesOption } from '../../../../src/charts/series-option';
import { regionComparisonOption } from '../../../../src/charts/region-comparison-option';
import type { Indicator, Observation, PlanSummary, RegionDetail, Target } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useUser } from '../../auth/auth-context';
import { Chart } from '../../components/chart';
import { PageState } from '../../components/page-state';
import { SimulatedTag } from '../../components/simulated-tag';
import { StatusTag } from '../../components/status-tag';
import { ancestorCodes, planForRegion } from '../../lib/plan-for-region';
import { isHeadline, targetsOf } from '../../lib/scope-data';
import { targetText } from '../plans/target-text';
import { formatNumber } from '../../../../src/domain/evaluation/format-quantity';

const SEXES = ['女', '男', '合计'] as const;

/**
 * One indicator in one region: the series by sex with the 2025 / 2030 targets and the projection, the
 * sub-regions compared, the assessment in words, and the data table with each value's status.
 */
export default function IndicatorPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? user.regionCode;
  const indicator = useApi<Indicator>(`/api/indicators/${encodeURIComponent(code)}`);
  const catalog = useApi<{ indicators: Indicator[] }>('/api/indicators');
  const regionInfo = useApi<RegionDetail>(`/api/regions/${encodeURIComponent(region)}`);
  const observations = useApi<{ observations: Observation[] }>(
    `/api/observations?indicator=${encodeURIComponent(code)}&region=${encodeURIComponent(region)}`,
  );
  const plans = useApi<{ plans: PlanSummary[] }>('/api/plans');
  const pathCodes = useMemo(() => ancestorCodes(region), [region]);
  const plan = plans.data ? planForRegion(plans.data.plans, region, pathCodes) : undefined;
  const planTargets = useApi<{ targets: Target[] }>(
    plan ? `/api/plans/${encodeURIComponent(plan.id)}/targets` : null,
  );
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const loading = indicator.loading || observations.loading || regionInfo.loading || catalog.loading;
  const error = indicator.error ?? observations.error ?? regionInfo.error ?? catalog.error;
  const ready =
    indicator.data && observations.data && regionInfo.data && catalog.data
      ? {
          indicator: indicator.data,
          rows: observations.data.observations,
          region: regionInfo.data,
          catalog: catalog.data.indicators,
        }
      : undefined;
  return (
    <PageState loading={loading} error={error} data={ready} reload={observations.reload}>
      {(d) => {
        const name = lang === 'en' ? d.indicator.nameEn : d.indicator.nameZh;
        const here = d.rows.filter((o) => o.regionCode === region && isHeadline(o));
        const targets = targetsOf(planTargets.data?.targets ?? [], d.indicator, d.catalog).filter(
          (tg) => tg.value !== null || tg.comparator !== '~',
        );
        const targetSex = d.indicator.disaggregations.some((x) => x.dimension === 'sex') ? '女' : '合计';
        const series = (sex: string) =>
          here
            .filter((o) => o.sex === sex)
            .sort((a, b) => a.year - b.year)
            .map((o) => ({ year: o.year, value: o.value }));
        const headline = series(targetSex).length ? series(targetSex) : series('合计');
        const assessment = targets.length ? assessTarget(headline, targets) : null;
        const simulated = here.some((o) => o.simulated);
        const lines = SEXES.map((s) => ({ name: s, points: series(s) })).filter((l) => l.points.length > 0);
        lines.sort((a, b) => (a.name === targetSex ? -1 : b.name === targetSex ? 1 : 0));
        const latestYear = Math.max(0, ...d.rows.map((o) => o.year));
        const childValues = d.region.children.map((c) => {
          const row = d.rows.find(
            (o) => o.regionCode === c.code && o.year === latestYear && o.sex === targetSex && isHeadline(o),
          );
          return { name: c.name, value: row?.value ?? null };
        });
        const current = assessment?.current ?? null;
        return (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Card>
              <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
                <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }} data-testid="indicator-title">
                  {name} <Typography.Text type="secondary">{d.indicator.unit ?? ''}</Typography.Text>
                </Typography.Title>
                <Space>
                  {simulated && <SimulatedTag />}
                  <label htmlFor="region-select">{t('indicator.region')}</label>
                  <Select
                    id="region-select"
                    style={{ minWidth: 180 }}
                    value={region}
                    onChange={(v: string) => setParams({ region: v })}
                    options={[
                      { value: d.region.region.code, label: d.region.region.name },
                      ...d.region.children.map((c) => ({ value: c.code, label: c.name })),
                      ...(d.region.region.code !== user.regionCode
                        ? [{ value: user.regionCode, label: t('indicator.backToScope') }]
                        : []),
                    ]}
                  />
                </Space>
              </Space>
              <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }}>
                <Descriptions.Item label={t('indicators.department')}>
                  {d.indicator.department}
                </Descriptions.Item>
                <Descriptions.Item label={t('indicator.plan')}>
                  {plan?.title ?? t('indicator.noPlan')}
                </Descriptions.Item>
                <Descriptions.Item label={t('indicator.targets')}>
                  {targets.length
                    ? [...targets]
                        .sort((a, b) => a.year - b.year)
                        .map((tg) => `${tg.year}: ${targetText(tg, t)}`)
                        .join('；')
                    : t('indicator.noTarget')}
                </Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {d.indicator.definition}
              </Typography.Paragraph>
            </Card>
            <Card title={t('indicator.assessment')}>
              {current ? (
                <Space direction="vertical">
                  <StatusTag status={current.status} lang={lang} testId="assessment-status" />
                  <Typography.Paragraph data-testid="assessment-text" style={{ margin: 0 }}>
                    {current.explanation}
                  </Typography.Paragraph>
                  <Descriptions size="small" column={{ xs: 1, md: 4 }}>
                    <Descriptions.Item label={t('indicator.base')}>
                      {current.base ? `${current.base.year}: ${formatNumber(current.base.value)}` : '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('indicator.latest')}>
                      {current.latest ? `${current.latest.year}: ${formatNumber(current.latest.value)}` : '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('indicator.projection')}>
                      {current.projection
                        ? `${current.projection.year}: ${formatNumber(current.projection.value)}`
                        : '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('indicator.pointsUsed')}>
                      {current.pointsUsed}
                    </Descriptions.Item>
                  </Descriptions>
                </Space>
              ) : (
                <Alert type="info" title={t('indicator.noAssessment')} showIcon />
              )}
            </Card>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={14}>
                <Card title={t('indicator.series')}>
                  {lines.length ? (
                    <Chart
                      label={t('indicator.series')}
                      option={seriesOption({
                        title: name,
                        unit: d.indicator.unit,
                        lines,
                        targets: targets
                          .filter((tg) => tg.value !== null)
                          .map((tg) => ({ year: tg.year, value: tg.value! })),
                        projection: current?.projection
                          ? [{ year: current.projection.year, value: current.projection.value }]
                          : null,
                        ...(simulated ? { subtitle: t('simulated.label') } : {}),
                        lang,
                      })}
                    />
                  ) : (
                    <Alert type="info" title={t('indicator.noData')} showIcon />
                  )}
                </Card>
              </Col>
              <Col xs={24} xl={10}>
                <Card title={t('indicator.subRegions', { year: latestYear || '—' })}>
                  {childValues.some((c) => c.value !== null) ? (
                    <Chart
                      label={t('indicator.subRegions', { year: latestYear })}
                      option={regionComparisonOption({
                        title: `${name}（${targetSex}）`,
                        unit: d.indicator.unit,
                        better: d.indicator.direction === 'down' ? 'lower' : 'higher',
                        regions: childValues,
                        target: targets.find((tg) => tg.year === 2030)?.value ?? null,
                        lang,
                      })}
                      height={Math.max(240, childValues.length * 28 + 80)}
                    />
                  ) : (
                    <Alert type="info" title={t('indicator.noSubRegions')} showIcon />
                  )}
                </Card>
              </Col>
            </Row>
            <Card title={t('indicator.table')}>
              <Table
                size="small"
                rowKey={(o) => `${o.year}-${o.sex}-${o.urbanRural}-${o.age}`}
                dataSource={[...here].sort((a, b) => b.year - a.year || a.sex.localeCompare(b.sex))}
                pagination={false}
                scroll={{ x: 640 }}
                data-testid="indicator-table"
                columns={[
                  { title: t('indicator.year'), dataIndex: 'year' },
                  { title: t('indicator.sex'), dataIndex: 'sex', render: (s: string) => t(`sex.${s}`) },
                  { title: t('indicator.value'), dataIndex: 'value' },
                  {
                    title: t('indicator.status'),
                    render: (_, o) => (
                      <Space size={4}>
                        <Tag
                          color={
                            o.status === 'approved' ? 'green' : o.status === 'submitted' ? 'blue' : 'default'
                          }
                        >
                          {t(`obsStatus.${o.status}`, { defaultValue: o.status })}
                        </Tag>
                        {o.simulated && <SimulatedTag />}
                      </Space>
                    ),
                  },
                  {
                    title: t('indicator.history'),
                    render: (_, o) =>
                      t('indicator.versionInfo', {
                        version: o.version,
                        at: new Date(o.updatedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN'),
                      }),
                  },
                  { title: t('indicator.comment'), dataIndex: 'comment' },
                ]}
              />
            </Card>
          </Space>
        );
      }}
    </PageState>
  );
}
