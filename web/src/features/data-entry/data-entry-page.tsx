import { Alert, App, Button, Card, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import type { Indicator, Observation, PlanSummary, RegionDetail, Target } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useUser } from '../../auth/auth-context';
import { PageState } from '../../components/page-state';
import { SimulatedTag } from '../../components/simulated-tag';
import { ancestorCodes, isHeadline, planForRegion, targetsOf } from '../../lib/scope-data';
import { checkCell, parseCell, type CellProblem } from './cell-checks';

type Sex = '女' | '男' | '合计';
interface Edit {
  text?: string;
  comment?: string;
}

const cellKey = (indicator: string, sex: Sex) => `${indicator}|${sex}`;
const draftKey = (user: string, region: string, year: number) => `halfsky.draft.${user}.${region}.${year}`;

/** Moves the focus to the next (or previous) grid input: Enter works like Tab through the cells. */
function onGridKey(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  const inputs = [...document.querySelectorAll<HTMLInputElement>('[data-grid-cell]')];
  const i = inputs.indexOf(event.currentTarget);
  inputs[event.shiftKey ? i - 1 : i + 1]?.focus();
}

/**
 * The reporter's grid: the cells owed for a region and year (the indicators of the region's plan that the
 * reporter's departments supply), inline checks, a comment where a value moved a lot, save draft (kept in
 * this browser) and submit (all cells in one request; the server's problems shown at their cells).
 */
export default function DataEntryPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const user = useUser();
  const [params] = useSearchParams();
  const [region, setRegion] = useState(params.get('region') ?? user.regionCode);
  const [year, setYear] = useState(Number(params.get('year')) || new Date().getFullYear() - 1);
  const catalog = useApi<{ indicators: Indicator[] }>('/api/indicators');
  const regionInfo = useApi<RegionDetail>(`/api/regions/${user.regionCode}`);
  const plans = useApi<{ plans: PlanSummary[] }>('/api/plans');
  const plan = plans.data ? planForRegion(plans.data.plans, region, ancestorCodes(region)) : undefined;
  const targets = useApi<{ targets: Target[] }>(
    plan ? `/api/plans/${encodeURIComponent(plan.id)}/targets` : null,
  );
  const current = useApi<{ observations: Observation[] }>(`/api/observations?region=${region}&year=${year}`);
  const previous = useApi<{ observations: Observation[] }>(
    `/api/observations?region=${region}&year=${year - 1}`,
  );
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [serverProblems, setServerProblems] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const [restored, setRestored] = useState(false);
  const en = i18n.language === 'en';

  useEffect(() => {
    const saved = localStorage.getItem(draftKey(user.id, region, year));
    setEdits(saved ? (JSON.parse(saved) as Record<string, Edit>) : {});
    setRestored(Boolean(saved));
    setServerProblems({});
  }, [user.id, region, year]);

  const dirty = Object.keys(edits).length > 0;
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const rows = useMemo(() => {
    if (!catalog.data || !targets.data) return [];
    const all = catalog.data.indicators;
    const owed = all.filter(
      (ind) =>
        ind.kind === 'quantitative' &&
        targetsOf(targets.data!.targets, ind, all).length > 0 &&
        (user.role !== 'reporter' || user.departments.includes(ind.department)),
    );
    return owed.map((ind) => ({
      indicator: ind,
      sexes: (ind.disaggregations.some((d) => d.dimension === 'sex')
        ? ['女', '男', '合计']
        : ['合计']) as Sex[],
    }));
  }, [catalog.data, targets.data, user]);

  const stored = useCallback(
    (list: Observation[] | undefined, code: string, sex: Sex) =>
      list?.find(
        (o) => o.indicatorCode === code && o.regionCode === region && o.sex === sex && isHeadline(o),
      ),
    [region],
  );
  const textOf = (code: string, sex: Sex) => {
    const e = edits[cellKey(code, sex)];
    if (e?.text !== undefined) return e.text;
    const o = stored(current.data?.observations, code, sex);
    return o ? String(o.value) : '';
  };
  const commentOf = (code: string) => {
    const e = edits[cellKey(code, '合计')];
    if (e?.comment !== undefined) return e.comment;
    return rowStored(code)?.comment ?? '';
  };
  const rowStored = (code: string) =>
    stored(current.data?.observations, code, '合计') ?? stored(current.data?.observations, code, '女');
  const problemsOf = (ind: Indicator, sex: Sex): CellProblem[] => {
    const key = cellKey(ind.code, sex);
    if (edits[key]?.text === undefined && !edits[cellKey(ind.code, '合计')]?.comment) return [];
    return checkCell({
      indicator: ind,
      text: textOf(ind.code, sex),
      total: textOf(ind.code, '合计'),
      isFemale: sex === '女',
      previous: stored(previous.data?.observations, ind.code, sex)?.value ?? null,
      comment: commentOf(ind.code),
    });
  };
  const problemText = (p: CellProblem) =>
    t(`entry.problem.${p.kind}`, p.kind === 'comment_required' ? { change: p.change } : {});

  const setEdit = (key: string, patch: Edit) => {
    setEdits((prev) => ({ ...prev, [key]: { ...prev[key], ...patch } }));
    setServerProblems((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => k !== key)));
  };

  const changedCells = () => {
    const cells: { key: string; body: Record<string, unknown> }[] = [];
    for (const row of rows) {
      const commentEdited = edits[cellKey(row.indicator.code, '合计')]?.comment !== undefined;
      for (const sex of row.sexes) {
        const key = cellKey(row.indicator.code, sex);
        if (edits[key]?.text === undefined && !(commentEdited && textOf(row.indicator.code, sex) !== ''))
          continue;
        const value = parseCell(textOf(row.indicator.code, sex));
        if (value === null) continue;
        const o = stored(current.data?.observations, row.indicator.code, sex);
        cells.push({
          key,
          body: {
            indicator: row.indicator.code,
            region,
            year,
            sex,
            value: value === 'invalid' ? null : value,
            comment: commentOf(row.indicator.code) || null,
            version: o?.version ?? 0,
          },
        });
      }
    }
    return cells;
  };
  const clientProblems = rows.reduce(
    (n, row) => n + row.sexes.reduce((m, sex) => m + problemsOf(row.indicator, sex).length, 0),
    0,
  );

  const saveDraft = () => {
    localStorage.setItem(draftKey(user.id, region, year), JSON.stringify(edits));
    void message.success(t('entry.draftSaved'));
  };
  const submit = async () => {
    const cells = changedCells();
    if (cells.length === 0) {
      void message.info(t('entry.nothingToSubmit'));
      return;
    }
    setBusy(true);
    try {
      await api('/api/observations', { method: 'PUT', body: { cells: cells.map((c) => c.body) } });
      localStorage.removeItem(draftKey(user.id, region, year));
      setEdits({});
      setRestored(false);
      void message.success(t('entry.submitted', { count: cells.length }));
      current.reload();
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) {
        const byCell: Record<string, string[]> = {};
        for (const f of e.fields) {
          const index = Number(f.field.split('.')[1]);
          const key = cells[index]?.key;
          if (key) (byCell[key] ??= []).push(f.message);
        }
        setServerProblems(byCell);
      }
      void message.error(e instanceof ApiError ? e.message : t('state.networkError'));
    } finally {
      setBusy(false);
    }
  };

  const ready =
    catalog.data && regionInfo.data && plans.data && current.data && previous.data ? true : undefined;
  const loading =
    catalog.loading || regionInfo.loading || plans.loading || current.loading || targets.loading;
  const error =
    catalog.error ?? regionInfo.error ?? plans.error ?? current.error ?? previous.error ?? targets.error;
  const years = Array.from({ length: 11 }, (_, i) => new Date().getFullYear() - i);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 20 }}>
          {t('entry.title')}
        </Typography.Title>
        <Space wrap>
          <label htmlFor="entry-region">{t('indicator.region')}</label>
          <Select
            id="entry-region"
            style={{ minWidth: 160 }}
            value={region}
            onChange={(v: string) => setRegion(v)}
            options={
              regionInfo.data
                ? [regionInfo.data.region, ...regionInfo.data.children].map((r) => ({
                    value: r.code,
                    label: r.name,
                  }))
                : []
            }
          />
          <label htmlFor="entry-year">{t('entry.year')}</label>
          <Select
            id="entry-year"
            style={{ width: 100 }}
            value={year}
            onChange={(v: number) => setYear(v)}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
          <Button onClick={saveDraft} disabled={!dirty} data-testid="save-draft">
            {t('entry.saveDraft')}
          </Button>
          <Button
            type="primary"
            onClick={() => void submit()}
            loading={busy}
            disabled={!dirty || clientProblems > 0}
            data-testid="submit"
          >
            {t('entry.submit')}
          </Button>
          {dirty && <Tag color="gold">{t('entry.unsaved')}</Tag>}
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('entry.keyboardHint')}
        </Typography.Paragraph>
        {restored && <Alert style={{ marginTop: 8 }} type="info" showIcon title={t('entry.draftRestored')} />}
        {clientProblems > 0 && (
          <Alert
            style={{ marginTop: 8 }}
            type="warning"
            showIcon
            title={t('entry.fixProblems', { count: clientProblems })}
          />
        )}
      </Card>
      <Card>
        <PageState
          loading={loading}
          error={error}
          data={ready}
          isEmpty={() => rows.length === 0}
          emptyText={t('entry.nothingOwed')}
        >
          {() => (
            <Table
              className="hs-grid"
              size="small"
              rowKey={(r) => r.indicator.code}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 900 }}
              data-testid="entry-grid"
              columns={[
                {
                  title: t('plans.indicator'),
                  width: 200,
                  fixed: 'left',
                  render: (_, r) => (
                    <span>
                      {en ? r.indicator.nameEn : r.indicator.nameZh}
                      <Typography.Text type="secondary"> {r.indicator.unit ?? ''}</Typography.Text>
                    </span>
                  ),
                },
                ...(['女', '男', '合计'] as Sex[]).map((sex) => ({
                  title: t(`sex.${sex}`),
                  width: 130,
                  render: (_: unknown, r: (typeof rows)[number]) => {
                    if (!r.sexes.includes(sex)) return <Typography.Text type="secondary">—</Typography.Text>;
                    const key = cellKey(r.indicator.code, sex);
                    const problems = [
                      ...problemsOf(r.indicator, sex).map(problemText),
                      ...(serverProblems[key] ?? []),
                    ];
                    const o = stored(current.data?.observations, r.indicator.code, sex);
                    const label = `${en ? r.indicator.nameEn : r.indicator.nameZh} ${t(`sex.${sex}`)}`;
                    return (
                      <div className={problems.length ? 'hs-cell-error' : undefined}>
                        <Input
                          size="small"
                          inputMode="decimal"
                          aria-label={label}
                          aria-invalid={problems.length > 0}
                          data-grid-cell={key}
                          status={problems.length ? 'error' : undefined}
                          value={textOf(r.indicator.code, sex)}
                          onChange={(e) => setEdit(key, { text: e.target.value })}
                          onKeyDown={onGridKey}
                        />
                        {problems.map((p) => (
                          <div
                            key={p}
                            role="alert"
                            style={{ color: '#cf1322', fontSize: 12 }}
                            data-testid="cell-problem"
                          >
                            {p}
                          </div>
                        ))}
                        {o && !edits[key] && (
                          <Space size={2} style={{ fontSize: 12 }}>
                            <Tag style={{ marginTop: 2 }} color={o.status === 'approved' ? 'green' : 'blue'}>
                              {t(`obsStatus.${o.status}`, { defaultValue: o.status })}
                            </Tag>
                            {o.simulated && <SimulatedTag />}
                          </Space>
                        )}
                      </div>
                    );
                  },
                })),
                {
                  title: t('entry.previous', { year: year - 1 }),
                  width: 120,
                  render: (_, r) =>
                    r.sexes
                      .map((sex) => stored(previous.data?.observations, r.indicator.code, sex))
                      .filter(Boolean)
                      .map((o) => `${o!.sex} ${o!.value}`)
                      .join(' / ') || '—',
                },
                {
                  title: t('entry.comment'),
                  width: 200,
                  render: (_, r) => (
                    <Input
                      size="small"
                      aria-label={`${t('entry.comment')} ${en ? r.indicator.nameEn : r.indicator.nameZh}`}
                      data-grid-cell={`${r.indicator.code}|comment`}
                      value={commentOf(r.indicator.code)}
                      onChange={(e) =>
                        setEdit(cellKey(r.indicator.code, '合计'), { comment: e.target.value })
                      }
                      onKeyDown={onGridKey}
                    />
                  ),
                },
              ]}
            />
          )}
        </PageState>
      </Card>
      <Modal
        open={blocker.state === 'blocked'}
        title={t('entry.leaveTitle')}
        okText={t('entry.leave')}
        cancelText={t('entry.stay')}
        onOk={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      >
        {t('entry.leaveBody')}
      </Modal>
    </Space>
  );
}
