import { Alert, Card, Col, Row, Select, Space, Statistic, Typography } from 'antd';
import { lazy, startTransition, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { attainmentOption } from '../../../../src/charts/attainment-option';
import { statusDistributionOption } from '../../../../src/charts/status-distribution-option';
import type { EvaluationOverview, PlanSummary } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useUser } from '../../auth/auth-context';
import { Chart } from '../../components/chart';
import { PageState } from '../../components/page-state';
import { SimulatedTag } from '../../components/simulated-tag';
import { userPlan } from '../../lib/plan-for-region';
import { changedTargets } from './changed-targets';
import { overviewPath } from './overview-prefetch';

// Below the fold: its code and its rendering come after the figures and charts.
const OverviewDetails = lazy(() => import('./overview-details'));

/**
 * The user's region and plan at a glance, from the server's evaluation (GET /api/plans/:id/evaluation/overview,
 * its latest year with data): attainment rate by area, status distribution, reporting completeness and what
 * changed since last year first; alerts by level, completeness by sub-region and every target below.
 */
export default function OverviewPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const plans = useApi<{ plans: PlanSummary[] }>('/api/plans');
  const [chosen, setChosen] = useState<string | undefined>();
  const plan = plans.data
    ? (plans.data.plans.find((p) => p.id === chosen) ?? userPlan(plans.data.plans, user.regionCode))
    : undefined;
  const overview = useApi<EvaluationOverview>(plan ? overviewPath(plan.id) : null);

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
        <PageState
          loading={plans.loading || overview.loading || (!!plans.data && !overview.data && !overview.error)}
          error={plans.error ?? overview.error}
          data={overview.data}
          reload={overview.reload}
        >
          {(o) => (
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <OverviewFigures overview={o} lang={lang} />
              <BelowTheFold>
                <OverviewDetails overview={o} lang={lang} />
              </BelowTheFold>
            </Space>
          )}
        </PageState>
      )}
    </Space>
  );
}

/**
 * What is below the fold, rendered once the figures are on screen and as a transition (React yields to input
 * between its slices), so that it neither delays the figures nor blocks the page.
 */
function BelowTheFold({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => startTransition(() => setShown(true)), 0);
    return () => clearTimeout(timer);
  }, []);
  return shown ? <Suspense fallback={null}>{children}</Suspense> : null;
}

/** The figures and the two charts: what the page is for, drawn first. */
function OverviewFigures({ overview, lang }: { overview: EvaluationOverview; lang: 'zh' | 'en' }) {
  const { t } = useTranslation();
  const subtitle = overview.simulated ? t('simulated.label') : '';
  const rate = overview.attainment.plan.rate;
  // For the benchmark (bench/web-benchmarks.ts logs the page's marks): when the figures were on screen.
  useEffect(() => void performance.mark('halfsky:overview-figures'), []);
  const have = overview.completeness.reduce((n, c) => n + c.reported, 0);
  const owed = overview.completeness.reduce((n, c) => n + c.targets, 0);
  return (
    <>
      {overview.simulated && (
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
              value={rate === null ? '—' : Math.round(rate * 100)}
              suffix={rate === null ? '' : '%'}
            />
            <Typography.Text type="secondary">
              {t('overview.achievedOf', {
                achieved: overview.attainment.plan.achieved,
                assessable: overview.attainment.plan.assessable,
              })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('overview.indicators')} value={overview.counts.assessedTargets} />
            <Typography.Text type="secondary">
              {t('overview.latestYear', { year: overview.year })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('overview.completeness')}
              value={owed ? Math.round((have / owed) * 100) : '—'}
              suffix={owed ? '%' : ''}
              data-testid="completeness"
            />
            <Typography.Text type="secondary">{t('overview.cells', { have, owed })}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('overview.changed')} value={changedTargets(overview.targets).length} />
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
                bars: overview.attainment.byArea.map((g) => ({
                  name: t(`area.${g.group}`, { defaultValue: g.group }),
                  achieved: g.achieved,
                  assessable: g.assessable,
                  rate: g.rate,
                })),
                subtitle,
                lang,
              })}
              height={Math.max(240, overview.attainment.byArea.length * 36 + 80)}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('overview.statusDistribution')}>
            <Chart
              label={t('overview.statusDistribution')}
              option={statusDistributionOption({
                title: '',
                counts: overview.statusDistribution.plan,
                subtitle,
                lang,
              })}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
