import { Alert, Card, Col, List, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { attainmentOption } from '../../../../src/charts/attainment-option';
import { statusDistributionOption } from '../../../../src/charts/status-distribution-option';
import { STATUS_LABELS } from '../../../../src/charts/status-labels';
import { attainment } from '../../../../src/domain/evaluation/attainment';
import { PROGRESS_STATUSES, type ProgressStatus } from '../../../../src/domain/evaluation/progress-status';
import type { Indicator, Observation, PlanSummary, RegionDetail, Target } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useUser } from '../../auth/auth-context';
import { Chart } from '../../components/chart';
import { ErrorState, PageState } from '../../components/page-state';
import { SimulatedTag } from '../../components/simulated-tag';
import { StatusTag } from '../../components/status-tag';
import { evaluatePlan, targetSex } from '../../lib/evaluate-plan';
import { ancestorCodes, isHeadline, planForRegion } from '../../lib/scope-data';

const RANK: Record<ProgressStatus, number> = {
  achieved: 0,
  on_track: 1,
  needs_acceleration: 2,
  limited_progress: 3,
  deterioration: 4,
  insufficient_data: 5,
  not_assessable: 6,
};

/**
 * The user's region and plan at a glance: attainment rate by area, status distribution, alerts by level,
 * reporting completeness of the sub-regions, and what changed since last year.
 */
export default function OverviewPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const plans = useApi<{ plans: PlanSummary[] }>('/api/plans');
  const [chosen, setChosen] = useState<string | undefined>();
  const plan = plans.data
    ? (plans.data.plans.find((p) => p.id === chosen) ??
      planForRegion(plans.data.plans, user.regionCode, ancestorCodes(user.regionCode)) ??
      plans.data.plans[0])
    : undefined;
  // Until the plans are in, the user's own region: its data are asked for at once, in parallel.
  const region = plan?.regionCode ?? user.regionCode;
  const targets = useApi<{ targets: Target[] }>(
    plan ? `/api/plans/${encodeURIComponent(plan.id)}/targets` : null,
  );
  const catalog = useApi<{ indicators: Indicator[] }>('/api/indicators');
  const regionInfo = useApi<RegionDetail>(`/api/regions/${region}`);
  const observations = useApi<{ observations: Observation[] }>(`/api/observations?region=${region}`);
  const dataYear = observations.data ? Math.max(0, ...observations.data.observations.map((o) => o.year)) : 0;
  // The plan's alerts for its latest data year (the API reconciles them with the data first).
  const alertPath = (level: string) =>
    plan && dataYear
      ? `/api/alerts?plan=${encodeURIComponent(plan.id)}&year=${dataYear}&level=${level}&limit=1`
      : null;
  // Counted by the API (total), not by the page of alerts it returns.
  const red = useApi<{ total: number }>(alertPath('red'));
  const yellow = useApi<{ total: number }>(alertPath('yellow'));
  const alerts = {
    loading: red.loading || yellow.loading,
    error: red.error ?? yellow.error,
    levels: red.data && yellow.data ? { red: red.data.total, yellow: yellow.data.total } : undefined,
  };

  const assessed = useMemo(
    () =>
      targets.data && catalog.data && observations.data
        ? evaluatePlan(targets.data.targets, catalog.data.indicators, observations.data.observations, region)
        : undefined,
    [targets.data, catalog.data, observations.data, region],
  );
  const loading =
    plans.loading || targets.loading || catalog.loading || observations.loading || regionInfo.loading;
  const error = plans.error ?? targets.error ?? catalog.error ?? observations.error ?? regionInfo.error;
  const ready =
    assessed && regionInfo.data && observations.data
      ? { assessed, region: regionInfo.data, rows: observations.data.observations }
      : undefined;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }} data-testid="overview-title">
            {t('overview.title')}
            {plan ? ` · ${plan.title}` : ''}
          </Typography.Title>
          {plans.data && plans.data.plans.length > 1 && (
            <Space>
              <label htmlFor="overview-plan">{t('overview.plan')}</label>
              <Select
                id="overview-plan"
                style={{ minWidth: 240 }}
                value={plan?.id}
                onChange={(v: string) => setChosen(v)}
                options={plans.data.plans.map((p) => ({ value: p.id, label: p.title }))}
              />
            </Space>
          )}
        </Space>
      </Card>
      {plans.data && plans.data.plans.length === 0 ? (
        <Alert type="info" showIcon title={t('plans.none')} />
      ) : (
        <PageState loading={loading} error={error} data={ready}>
          {(d) => <OverviewBody {...d} alerts={alerts} lang={lang} regionCode={region} />}
        </PageState>
      )}
    </Space>
  );
}

function OverviewBody({
  assessed,
  region,
  rows,
  alerts,
  lang,
  regionCode,
}: {
  assessed: ReturnType<typeof evaluatePlan>;
  region: RegionDetail;
  rows: Observation[];
  alerts: { levels?: { red: number; yellow: number }; error: unknown; loading: boolean };
  lang: 'zh' | 'en';
  regionCode: string;
}) {
  const { t } = useTranslation();
  const simulated = rows.some((o) => o.simulated);
  const subtitle = simulated ? t('simulated.label') : '';
  const rate = attainment(
    assessed.flatMap((a) =>
      a.targets.map((tg) => ({
        comparator: tg.comparator,
        status: a.status,
        group: t(`area.${a.area}`, { defaultValue: a.area }),
      })),
    ),
  );
  const counts: Partial<Record<ProgressStatus, number>> = {};
  for (const a of assessed) counts[a.status] = (counts[a.status] ?? 0) + 1;
  const latestYear = Math.max(0, ...rows.map((o) => o.year));
  const owed = assessed.map((a) => a.indicator);
  const present = new Set(
    rows
      .filter((o) => o.year === latestYear && isHeadline(o))
      .map((o) => `${o.regionCode}|${o.indicatorCode}|${o.sex}`),
  );
  const completeness = [region.region, ...region.children].map((r) => {
    const have = owed.filter((ind) => present.has(`${r.code}|${ind.code}|${targetSex(ind)}`)).length;
    return { region: r, have, owed: owed.length };
  });
  const totalHave = completeness.reduce((n, c) => n + c.have, 0);
  const totalOwed = completeness.reduce((n, c) => n + c.owed, 0);
  const changed = assessed
    .filter((a) => a.previousStatus !== null && a.previousStatus !== a.status)
    .sort((a, b) => RANK[a.status] - RANK[a.previousStatus!] - (RANK[b.status] - RANK[b.previousStatus!]));
  const levels = new Map(Object.entries(alerts.levels ?? {}).filter(([, n]) => n > 0));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {simulated && (
        <Alert
          type="warning"
          showIcon
          title={
            <span>
              <SimulatedTag /> {t('simulated.banner')}
            </span>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('overview.attainment')}
              value={rate.overall.rate === null ? '—' : Math.round(rate.overall.rate * 100)}
              suffix={rate.overall.rate === null ? '' : '%'}
            />
            <Typography.Text type="secondary">
              {t('overview.achievedOf', {
                achieved: rate.overall.achieved,
                assessable: rate.overall.assessable,
              })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('overview.indicators')} value={assessed.length} />
            <Typography.Text type="secondary">
              {t('overview.latestYear', { year: latestYear || '—' })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('overview.completeness')}
              value={totalOwed ? Math.round((totalHave / totalOwed) * 100) : '—'}
              suffix={totalOwed ? '%' : ''}
              data-testid="completeness"
            />
            <Typography.Text type="secondary">
              {t('overview.cells', { have: totalHave, owed: totalOwed })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('overview.changed')} value={changed.length} />
            <Typography.Text type="secondary">{t('overview.sinceLastYear')}</Typography.Text>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('overview.attainmentByArea')}>
            <Chart
              label={t('overview.attainmentByArea')}
              option={attainmentOption({
                title: '',
                bars: rate.groups.map((g) => ({
                  name: g.group,
                  achieved: g.achieved,
                  assessable: g.assessable,
                  rate: g.rate,
                })),
                subtitle,
                lang,
              })}
              height={Math.max(240, rate.groups.length * 36 + 80)}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('overview.statusDistribution')}>
            <Chart
              label={t('overview.statusDistribution')}
              option={statusDistributionOption({ title: '', counts, subtitle, lang })}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title={t('overview.alertsByLevel')}>
            {alerts.loading ? null : alerts.error !== undefined ? (
              <ErrorState error={alerts.error} />
            ) : levels.size === 0 ? (
              <Typography.Text type="secondary">{t('overview.noAlerts')}</Typography.Text>
            ) : (
              <Space wrap>
                {[...levels].map(([level, n]) => (
                  <Tag key={level} color={level === 'red' ? 'red' : 'gold'}>
                    {t(`alertLevel.${level}`, { defaultValue: level })}: {n}
                  </Tag>
                ))}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('overview.completenessByRegion', { year: latestYear || '—' })}>
            <List
              size="small"
              dataSource={completeness}
              renderItem={(c) => (
                <List.Item>
                  <span>{c.region.name}</span>
                  <Tag color={c.have === c.owed ? 'green' : c.have === 0 ? 'red' : 'gold'}>
                    {c.have}/{c.owed}
                  </Tag>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('overview.changedList')}>
            <List
              size="small"
              locale={{ emptyText: t('overview.noChanges') }}
              dataSource={changed.slice(0, 12)}
              renderItem={(a) => (
                <List.Item>
                  <Link to={`/indicators/${encodeURIComponent(a.indicator.code)}?region=${regionCode}`}>
                    {lang === 'en' ? a.indicator.nameEn : a.indicator.nameZh}
                  </Link>
                  <span>
                    <StatusTag status={a.previousStatus!} lang={lang} />→{' '}
                    <StatusTag status={a.status} lang={lang} />
                  </span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('overview.byIndicator')}>
        <List
          size="small"
          dataSource={[...assessed].sort((a, b) => RANK[b.status] - RANK[a.status])}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          renderItem={(a) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Link to={`/indicators/${encodeURIComponent(a.indicator.code)}?region=${regionCode}`}>
                    {lang === 'en' ? a.indicator.nameEn : a.indicator.nameZh}
                  </Link>
                }
                description={a.explanation}
              />
              <StatusTag status={a.status} lang={lang} />
            </List.Item>
          )}
        />
      </Card>
      <Typography.Text type="secondary">
        {t('overview.statusKey', {
          statuses: PROGRESS_STATUSES.map((s) => STATUS_LABELS[s][lang]).join('、'),
        })}
      </Typography.Text>
    </Space>
  );
}
