import { Alert, Button, Card, Form, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { PlanSummary, RegionDetail } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useUser } from '../../auth/auth-context';
import { can } from '../../auth/can';
import { PageState } from '../../components/page-state';

const KINDS = ['annual', 'midterm', 'final', 'yearbook', 'department'] as const;
type Kind = (typeof KINDS)[number];
const YEARS = Array.from({ length: 11 }, (_, i) => 2030 - i);

interface Publication {
  year: number;
  publishedAt: string;
}

/**
 * Reports (报告): the annual monitoring report, the mid-term and final evaluations, the yearbook and the
 * department templates of a plan, downloaded as Word or Excel files the server builds
 * (GET /api/plans/:id/reports/:kind); and, for plan owners, the publication of a year's results.
 */
export default function ReportsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const plans = useApi<{ plans: PlanSummary[] }>('/api/plans');
  const [planId, setPlanId] = useState<string>();
  const plan = plans.data?.plans.find((p) => p.id === planId) ?? plans.data?.plans[0];
  const regions = useApi<RegionDetail>(plan?.regionCode ? `/api/regions/${plan.regionCode}` : null);
  const [kind, setKind] = useState<Kind>('annual');
  const [year, setYear] = useState(2024);
  const [region, setRegion] = useState<string>();
  const [department, setDepartment] = useState('');
  const [format, setFormat] = useState<'docx' | 'xlsx'>('docx');
  const publications = useApi<{ publications: Publication[] }>(
    plan ? `/api/plans/${encodeURIComponent(plan.id)}/publications` : null,
  );
  const [busy, setBusy] = useState(false);

  const query = new URLSearchParams({
    year: String(kind === 'midterm' ? 2025 : kind === 'final' ? 2030 : year),
  });
  if (region) query.set('region', region);
  if (kind === 'department' && department) query.set('department', department);
  if (kind === 'yearbook') query.set('format', format);
  const href = plan ? `/api/plans/${encodeURIComponent(plan.id)}/reports/${kind}?${query.toString()}` : '#';
  const published = new Set((publications.data?.publications ?? []).map((p) => p.year));

  const publish = async (withdraw: boolean) => {
    if (!plan) return;
    setBusy(true);
    try {
      await api(`/api/plans/${encodeURIComponent(plan.id)}/publications/${year}`, {
        method: withdraw ? 'DELETE' : 'PUT',
        ...(withdraw ? {} : { body: {} }),
      });
      void message.success(t(withdraw ? 'reports.withdrawn' : 'reports.published', { year }));
      publications.reload();
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('reports.title')}</Typography.Title>
      <PageState {...plans} isEmpty={(d) => d.plans.length === 0}>
        {(data) => (
          <Card title={t('reports.download')}>
            <Form layout="vertical" style={{ maxWidth: 560 }}>
              <Form.Item label={t('reports.plan')}>
                <Select
                  aria-label={t('reports.plan')}
                  value={plan?.id}
                  onChange={(v: string) => {
                    setPlanId(v);
                    setRegion(undefined);
                  }}
                  options={data.plans.map((p) => ({ value: p.id, label: p.title }))}
                />
              </Form.Item>
              <Form.Item label={t('reports.kind')}>
                <Select
                  aria-label={t('reports.kind')}
                  value={kind}
                  onChange={(v: Kind) => setKind(v)}
                  options={KINDS.map((k) => ({ value: k, label: t(`reports.kinds.${k}`) }))}
                />
              </Form.Item>
              {kind === 'midterm' || kind === 'final' ? (
                <Alert type="info" showIcon title={t(`reports.milestone.${kind}`)} />
              ) : (
                <Form.Item label={t('reports.year')}>
                  <Select
                    aria-label={t('reports.year')}
                    value={year}
                    onChange={setYear}
                    options={YEARS.map((y) => ({ value: y, label: y }))}
                  />
                </Form.Item>
              )}
              <Form.Item label={t('reports.region')}>
                <Select
                  aria-label={t('reports.region')}
                  allowClear
                  placeholder={plan?.region}
                  value={region}
                  onChange={setRegion}
                  options={(regions.data?.children ?? []).map((r) => ({ value: r.code, label: r.name }))}
                />
              </Form.Item>
              {kind === 'department' && (
                <Form.Item label={t('reports.department')} required>
                  <Select
                    aria-label={t('reports.department')}
                    showSearch
                    value={department || undefined}
                    onChange={setDepartment}
                    placeholder="卫健局"
                    options={[
                      '卫健局',
                      '教育局',
                      '人社局',
                      '民政局',
                      '公安局',
                      '司法局',
                      '统计局',
                      '妇联',
                    ].map((d) => ({ value: d, label: d }))}
                  />
                </Form.Item>
              )}
              {kind === 'yearbook' && (
                <Form.Item label={t('reports.format')}>
                  <Select
                    aria-label={t('reports.format')}
                    value={format}
                    onChange={setFormat}
                    options={[
                      { value: 'docx', label: 'Word (.docx)' },
                      { value: 'xlsx', label: 'Excel (.xlsx)' },
                    ]}
                  />
                </Form.Item>
              )}
              <Button
                type="primary"
                href={href}
                download
                disabled={!plan || (kind === 'department' && !department)}
              >
                {t('reports.get')}
              </Button>
            </Form>
          </Card>
        )}
      </PageState>
      {plan && can(user, 'publication:manage') && (
        <Card title={t('reports.publication')}>
          <Typography.Paragraph type="secondary">{t('reports.publicationHelp')}</Typography.Paragraph>
          <Space wrap>
            <Select
              aria-label={t('reports.year')}
              value={year}
              onChange={setYear}
              options={YEARS.map((y) => ({ value: y, label: y }))}
            />
            {published.has(year) ? (
              <Button danger loading={busy} onClick={() => void publish(true)}>
                {t('reports.withdraw', { year })}
              </Button>
            ) : (
              <Button type="primary" loading={busy} onClick={() => void publish(false)}>
                {t('reports.publish', { year })}
              </Button>
            )}
          </Space>
          {publications.data && publications.data.publications.length === 0 ? (
            <Typography.Paragraph style={{ marginTop: 16 }}>
              {t('reports.nonePublished')}
            </Typography.Paragraph>
          ) : (
            <Table
              style={{ marginTop: 16 }}
              size="small"
              rowKey="year"
              pagination={false}
              loading={publications.loading}
              dataSource={publications.data?.publications ?? []}
              columns={[
                { title: t('reports.year'), dataIndex: 'year' },
                {
                  title: t('reports.publishedAt'),
                  dataIndex: 'publishedAt',
                  render: (v: string) => <Tag color="green">{v.slice(0, 10)}</Tag>,
                },
              ]}
            />
          )}
        </Card>
      )}
    </Space>
  );
}
