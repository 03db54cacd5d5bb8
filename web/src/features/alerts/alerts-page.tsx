import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useUser } from '../../auth/auth-context';
import { can } from '../../auth/can';
import { PageState } from '../../components/page-state';
import { userPlan } from '../../lib/plan-for-region';
import { type AlertAction, AlertActionModal } from './alert-action-modal';
import { AlertHistory } from './alert-history';

export interface StoredAlert {
  id: string;
  planId: string;
  indicatorCode: string | null;
  regionCode: string;
  year: number;
  rule: string;
  level: 'red' | 'yellow';
  status: string;
  reason: string;
  reasonEn: string;
  departments: string[];
  actionPlan: string | null;
  dueDate: string | null;
  closedNote: string | null;
  createdAt: string;
  updatedAt: string;
}

const STATUSES = ['issued', 'acknowledged', 'escalated', 'resolved', 'closed'];
const RULES = ['projected_miss', 'wrong_direction', 'volatile', 'outlier', 'data_missing'];
/**
 * Alerts (预警) and their follow-up (督办) for a plan and year: filters by level, status and rule; acknowledge
 * with an action plan and a due date, resolve, comment; each alert's history.
 */
export default function AlertsPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const en = i18n.language === 'en';
  const plans = useApi<{ plans: PlanSummary[] }>('/api/plans');
  const [planId, setPlanId] = useState<string | undefined>();
  const [year, setYear] = useState(new Date().getFullYear() - 2);
  const [level, setLevel] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [rule, setRule] = useState<string | undefined>();
  const plan =
    plans.data &&
    (plans.data.plans.find((p) => p.id === planId) ?? userPlan(plans.data.plans, user.regionCode));
  const query = new URLSearchParams({
    ...(plan ? { plan: plan.id } : {}),
    year: String(year),
    limit: '1000',
    ...(level ? { level } : {}),
    ...(status ? { status } : {}),
    ...(rule ? { rule } : {}),
  });
  const alerts = useApi<{ alerts: StoredAlert[]; total: number }>(plan ? `/api/alerts?${query}` : null);
  const [acting, setActing] = useState<{ alert: StoredAlert; action: AlertAction } | null>(null);
  const mayAct = can(user, 'alert:manage');

  const years = Array.from({ length: 8 }, (_, i) => new Date().getFullYear() - i);
  const levelTag = (l: string) => (
    <Tag color={l === 'red' ? 'red' : 'gold'} data-testid="alert-level">
      {t(`alertLevel.${l}`, { defaultValue: l })}
    </Tag>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 20 }}>
          {t('alerts.title')}
        </Typography.Title>
        <Space wrap>
          <label htmlFor="alert-plan">{t('overview.plan')}</label>
          <Select
            id="alert-plan"
            style={{ minWidth: 260 }}
            value={plan?.id}
            onChange={(v: string) => setPlanId(v)}
            options={(plans.data?.plans ?? []).map((p) => ({ value: p.id, label: p.title }))}
          />
          <label htmlFor="alert-year">{t('entry.year')}</label>
          <Select
            id="alert-year"
            style={{ width: 100 }}
            value={year}
            onChange={(v: number) => setYear(v)}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
          <label htmlFor="alert-level">{t('alerts.level')}</label>
          <Select
            id="alert-level"
            allowClear
            style={{ width: 100 }}
            value={level}
            onChange={(v: string | undefined) => setLevel(v)}
            options={['red', 'yellow'].map((l) => ({ value: l, label: t(`alertLevel.${l}`) }))}
          />
          <label htmlFor="alert-status">{t('indicator.status')}</label>
          <Select
            id="alert-status"
            allowClear
            style={{ width: 120 }}
            value={status}
            onChange={(v: string | undefined) => setStatus(v)}
            options={STATUSES.map((s) => ({ value: s, label: t(`alertStatus.${s}`) }))}
          />
          <label htmlFor="alert-rule">{t('alerts.rule')}</label>
          <Select
            id="alert-rule"
            allowClear
            style={{ width: 150 }}
            value={rule}
            onChange={(v: string | undefined) => setRule(v)}
            options={RULES.map((r) => ({ value: r, label: t(`alertRule.${r}`) }))}
          />
        </Space>
      </Card>
      <Card>
        <PageState
          loading={plans.loading || alerts.loading}
          error={plans.error ?? alerts.error}
          data={alerts.data}
          reload={alerts.reload}
          isEmpty={(d) => d.alerts.length === 0}
          emptyText={t('alerts.none')}
        >
          {(d) => (
            <div style={{ overflowX: 'auto' }}>
              <Table
                size="small"
                rowKey="id"
                dataSource={d.alerts}
                data-testid="alerts-table"
                pagination={{ pageSize: 30, showSizeChanger: false }}
                expandable={{ expandedRowRender: (a) => <AlertHistory id={a.id} /> }}
                columns={[
                  { title: t('alerts.level'), dataIndex: 'level', render: levelTag, width: 70 },
                  {
                    title: t('alerts.rule'),
                    dataIndex: 'rule',
                    render: (r: string) => t(`alertRule.${r}`, { defaultValue: r }),
                  },
                  { title: t('alerts.message'), render: (_, a) => (en ? a.reasonEn : a.reason) },
                  { title: t('plans.responsible'), render: (_, a) => a.departments.join('、') || '—' },
                  {
                    title: t('indicator.status'),
                    render: (_, a) => (
                      <span>
                        <Tag>{t(`alertStatus.${a.status}`, { defaultValue: a.status })}</Tag>
                        {a.actionPlan && (
                          <div style={{ fontSize: 12 }}>
                            {t('alerts.actionPlan')}：{a.actionPlan}
                          </div>
                        )}
                        {a.dueDate && (
                          <div style={{ fontSize: 12 }}>{t('alerts.due', { date: a.dueDate })}</div>
                        )}
                      </span>
                    ),
                  },
                  ...(mayAct
                    ? [
                        {
                          title: t('alerts.actions'),
                          render: (_: unknown, a: StoredAlert) => (
                            <Space size={4} wrap>
                              {a.status === 'issued' || a.status === 'escalated' ? (
                                <Button
                                  size="small"
                                  onClick={() => setActing({ alert: a, action: 'acknowledge' })}
                                >
                                  {t('alerts.acknowledge')}
                                </Button>
                              ) : null}
                              {a.status !== 'resolved' && a.status !== 'closed' ? (
                                <Button
                                  size="small"
                                  onClick={() => setActing({ alert: a, action: 'resolve' })}
                                >
                                  {t('alerts.resolve')}
                                </Button>
                              ) : null}
                              <Button
                                size="small"
                                type="link"
                                onClick={() => setActing({ alert: a, action: 'comment' })}
                              >
                                {t('alerts.comment')}
                              </Button>
                            </Space>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </div>
          )}
        </PageState>
      </Card>
      <AlertActionModal
        acting={acting}
        onCancel={() => setActing(null)}
        onDone={() => {
          setActing(null);
          alerts.reload();
        }}
      />
    </Space>
  );
}
