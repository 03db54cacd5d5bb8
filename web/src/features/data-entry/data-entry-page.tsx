import { Alert, App, Button, Card, Input, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, useSearchParams } from 'react-router-dom';
import { api, ApiError, apiUpload } from '../../api/client';
import type { PlanSummary, Round, RoundCell, Sex, Target } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useUser } from '../../auth/auth-context';
import { PageState } from '../../components/page-state';
import { checkCell, parseCell, type CellProblem } from './cell-checks';
import { targetText } from '../plans/target-text';
import { RoundSelect } from './round-select';

const SEXES: Sex[] = ['女', '男', '合计'];
const STATE_COLORS: Record<string, string> = {
  owed: 'default',
  draft: 'gold',
  submitted: 'blue',
  returned: 'red',
  approved: 'green',
};

interface Edit {
  text?: string;
  comment?: string;
}

interface Row {
  key: string;
  indicatorCode: string;
  indicatorName: string;
  unit: string | null;
  regionName: string;
  urbanRural: string;
  age: string;
  cells: Partial<Record<Sex, RoundCell>>;
}

/** The row's name as read aloud: the indicator, and its urban/rural or age breakdown when not the total. */
const rowName = (r: Pick<Row, 'indicatorName' | 'urbanRural' | 'age'>) =>
  [r.indicatorName, r.urbanRural !== '合计' ? r.urbanRural : '', r.age].filter(Boolean).join(' ');

/** Enter (Shift+Enter) moves to the next (previous) grid input, as Tab does. */
function onGridKey(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  const inputs = [...document.querySelectorAll<HTMLInputElement>('[data-grid-cell]')];
  const i = inputs.indexOf(event.currentTarget);
  inputs[event.shiftKey ? i - 1 : i + 1]?.focus();
}

/**
 * The reporter's grid for a reporting round: the owed cells with last year's value and the target, inline
 * checks, a comment where a value moved a lot, save draft, submit, the department's Excel template and its
 * upload (each problem at its cell), returned values with the reviewer's reason, and an unsaved-changes guard.
 */
export default function DataEntryPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const user = useUser();
  const en = i18n.language === 'en';
  const [params] = useSearchParams();
  const rounds = useApi<{ rounds: Round[] }>('/api/rounds');
  const plans = useApi<{ plans: PlanSummary[] }>('/api/plans');
  const [roundId, setRoundId] = useState<string | undefined>(params.get('round') ?? undefined);
  const [region, setRegion] = useState<string | undefined>(params.get('region') ?? undefined);
  const cells = useApi<{ cells: RoundCell[] }>(
    roundId ? `/api/rounds/${encodeURIComponent(roundId)}/cells` : null,
  );
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [serverProblems, setServerProblems] = useState<Record<string, string[]>>({});
  const [uploadProblems, setUploadProblems] = useState<{ field: string; message: string }[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setEdits({});
    setServerProblems({});
  }, [roundId]);

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

  const all = useMemo(() => cells.data?.cells ?? [], [cells.data]);
  const regions = useMemo(
    () =>
      [...new Map(all.map((c) => [c.regionCode, c.regionName])).entries()].sort((a, b) =>
        a[0].localeCompare(b[0]),
      ),
    [all],
  );
  const shownRegion = region && regions.some(([code]) => code === region) ? region : regions[0]?.[0];
  const departments = useMemo(() => [...new Set(all.map((c) => c.department))].sort(), [all]);
  const rows = useMemo(() => {
    const byKey = new Map<string, Row>();
    for (const c of all) {
      if (c.regionCode !== shownRegion) continue;
      const key = `${c.indicatorCode}|${c.urbanRural}|${c.age}`;
      const row = byKey.get(key) ?? {
        key,
        indicatorCode: c.indicatorCode,
        indicatorName: c.indicatorName,
        unit: c.unit,
        regionName: c.regionName,
        urbanRural: c.urbanRural,
        age: c.age,
        cells: {},
      };
      row.cells[c.sex] = c;
      byKey.set(key, row);
    }
    return [...byKey.values()];
  }, [all, shownRegion]);

  const textOf = (c: RoundCell) => edits[c.id]?.text ?? (c.value === null ? '' : String(c.value));
  const rowComment = (row: Row) => {
    const cs = Object.values(row.cells);
    for (const c of cs) if (edits[c.id]?.comment !== undefined) return edits[c.id]!.comment!;
    return cs.find((c) => c.comment)?.comment ?? '';
  };
  const problemsOf = (row: Row, c: RoundCell): CellProblem[] => {
    if (edits[c.id]?.text === undefined) return [];
    return checkCell({
      indicator: { unit: c.unit },
      text: textOf(c),
      isFemale: false,
      previous: c.lastYearValue,
      comment: rowComment(row),
    });
  };
  const problemText = (p: CellProblem) =>
    t(`entry.problem.${p.kind}`, p.kind === 'comment_required' ? { change: p.change } : {});
  const clientProblems = rows.reduce(
    (n, row) => n + Object.values(row.cells).reduce((m, c) => m + problemsOf(row, c).length, 0),
    0,
  );

  const setText = (id: string, text: string) => {
    setEdits((prev) => ({ ...prev, [id]: { ...prev[id], text } }));
    setServerProblems((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => k !== id)));
  };
  const setComment = (row: Row, comment: string) =>
    setEdits((prev) => {
      const next = { ...prev };
      for (const c of Object.values(row.cells)) next[c.id] = { ...next[c.id], comment };
      return next;
    });

  /** Saves every edited cell as a draft; returns false (problems shown at their cells) when refused. */
  const save = async (): Promise<boolean> => {
    const edited = all.filter((c) => edits[c.id] !== undefined && c.state !== 'approved');
    if (edited.length === 0) return true;
    const row = (c: RoundCell) => rows.find((r) => r.cells[c.sex]?.id === c.id);
    try {
      const result = await api<{ warnings: { cellId: string; message: string }[] }>(
        `/api/rounds/${encodeURIComponent(roundId!)}/cells`,
        {
          method: 'PUT',
          body: {
            source: 'form',
            cells: edited.map((c) => {
              const value = parseCell(textOf(c));
              const comment = edits[c.id]?.comment ?? (row(c) ? rowComment(row(c)!) : c.comment);
              return {
                indicator: c.indicatorCode,
                region: c.regionCode,
                sex: c.sex,
                urbanRural: c.urbanRural,
                age: c.age,
                value: value === 'invalid' ? null : value,
                comment: comment || null,
                version: c.version,
              };
            }),
          },
        },
      );
      setEdits({});
      setServerProblems({});
      if (result.warnings.length) void message.warning(result.warnings.map((w) => w.message).join('；'));
      cells.reload();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) {
        const byCell: Record<string, string[]> = {};
        for (const f of e.fields) {
          const id = edited[Number(f.field.split('.')[1])]?.id;
          if (id) (byCell[id] ??= []).push(f.message);
        }
        setServerProblems(byCell);
      }
      void message.error(e instanceof ApiError ? e.message : t('state.networkError'));
      return false;
    }
  };

  const saveDraft = async () => {
    setBusy(true);
    if (await save()) void message.success(t('entry.draftSaved'));
    setBusy(false);
  };
  const submit = async () => {
    setBusy(true);
    try {
      if (!(await save())) return;
      const scopes =
        user.role === 'reporter'
          ? user.departments.map((department) => ({ department }))
          : [{ region: shownRegion }];
      let submitted = 0;
      for (const body of scopes) {
        const r = await api<{ submitted: number }>(`/api/rounds/${encodeURIComponent(roundId!)}/submit`, {
          method: 'POST',
          body,
        });
        submitted += r.submitted;
      }
      void message.success(t('entry.submitted', { count: submitted }));
      cells.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : t('state.networkError'));
    } finally {
      setBusy(false);
    }
  };
  const upload = async (file: File) => {
    setUploadProblems([]);
    try {
      const r = await apiUpload<{ saved: number }>(
        `/api/rounds/${encodeURIComponent(roundId!)}/upload?filename=${encodeURIComponent(file.name)}`,
        file,
      );
      void message.success(t('entry.uploaded', { count: r.saved }));
      cells.reload();
    } catch (e) {
      if (e instanceof ApiError)
        setUploadProblems(e.fields.length ? e.fields : [{ field: '', message: e.message }]);
      else void message.error(t('state.networkError'));
    }
  };

  const round = rounds.data?.rounds.find((r) => r.id === roundId);
  const returned = all.filter((c) => c.state === 'returned');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 20 }}>
          {t('entry.title')}
        </Typography.Title>
        <PageState
          loading={rounds.loading || plans.loading}
          error={rounds.error ?? plans.error}
          data={
            rounds.data && plans.data ? { rounds: rounds.data.rounds, plans: plans.data.plans } : undefined
          }
          isEmpty={(d) => d.rounds.length === 0}
          emptyText={t('rounds.none')}
        >
          {(d) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <label htmlFor="round-select">{t('rounds.round')}</label>
                <RoundSelect rounds={d.rounds} plans={d.plans} value={roundId} onChange={setRoundId} />
                {regions.length > 1 && (
                  <>
                    <label htmlFor="entry-region">{t('indicator.region')}</label>
                    <Select
                      id="entry-region"
                      style={{ minWidth: 140 }}
                      value={shownRegion}
                      onChange={(v: string) => setRegion(v)}
                      options={regions.map(([value, label]) => ({ value, label }))}
                    />
                  </>
                )}
                {round && <Tag>{t('rounds.deadline', { date: round.deadline })}</Tag>}
              </Space>
              <Space wrap>
                <Button
                  onClick={() => void saveDraft()}
                  disabled={!dirty || clientProblems > 0}
                  loading={busy}
                  data-testid="save-draft"
                >
                  {t('entry.saveDraft')}
                </Button>
                <Button
                  type="primary"
                  onClick={() => void submit()}
                  loading={busy}
                  disabled={clientProblems > 0}
                  data-testid="submit"
                >
                  {t('entry.submit')}
                </Button>
                {dirty && <Tag color="gold">{t('entry.unsaved')}</Tag>}
                {departments.map((dep) => (
                  <Button
                    key={dep}
                    href={`/api/rounds/${encodeURIComponent(roundId ?? '')}/template?department=${encodeURIComponent(dep)}`}
                    data-testid="template"
                  >
                    {t('entry.template', { department: dep })}
                  </Button>
                ))}
                <Upload
                  accept=".xlsx,.csv"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void upload(file);
                    return false;
                  }}
                >
                  <Button data-testid="upload">{t('entry.upload')}</Button>
                </Upload>
              </Space>
              <Typography.Text type="secondary">{t('entry.keyboardHint')}</Typography.Text>
              {returned.length > 0 && (
                <Alert type="error" showIcon title={t('entry.returned', { count: returned.length })} />
              )}
              {clientProblems > 0 && (
                <Alert type="warning" showIcon title={t('entry.fixProblems', { count: clientProblems })} />
              )}
              {uploadProblems.length > 0 && (
                <Alert
                  type="error"
                  showIcon
                  title={t('entry.uploadProblems', { count: uploadProblems.length })}
                  description={
                    <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="upload-problems">
                      {uploadProblems.map((p, i) => (
                        <li key={i}>
                          {p.field && <Typography.Text strong>{p.field}：</Typography.Text>}
                          {p.message}
                        </li>
                      ))}
                    </ul>
                  }
                />
              )}
            </Space>
          )}
        </PageState>
      </Card>
      {roundId && (
        <Card>
          <PageState {...cells} isEmpty={() => rows.length === 0} emptyText={t('entry.nothingOwed')}>
            {() => (
              <Table
                className="hs-grid"
                size="small"
                rowKey="key"
                dataSource={rows}
                pagination={false}
                scroll={{ x: 960 }}
                data-testid="entry-grid"
                columns={[
                  {
                    title: t('plans.indicator'),
                    width: 220,
                    fixed: 'left',
                    render: (_, r) => (
                      <span>
                        {r.indicatorName}
                        <Typography.Text type="secondary"> {r.unit ?? ''}</Typography.Text>
                        {(r.urbanRural !== '合计' || r.age) && (
                          <Typography.Text type="secondary">
                            {' '}
                            {r.urbanRural !== '合计' ? r.urbanRural : ''} {r.age}
                          </Typography.Text>
                        )}
                      </span>
                    ),
                  },
                  ...SEXES.map((sex) => ({
                    title: t(`sex.${sex}`),
                    width: 150,
                    render: (_: unknown, r: Row) => {
                      const c = r.cells[sex];
                      if (!c) return <Typography.Text type="secondary">—</Typography.Text>;
                      const problems = [
                        ...problemsOf(r, c).map(problemText),
                        ...(serverProblems[c.id] ?? []),
                      ];
                      const label = `${rowName(r)} ${t(`sex.${sex}`)}`;
                      return (
                        <div>
                          <Input
                            size="small"
                            inputMode="decimal"
                            aria-label={label}
                            aria-invalid={problems.length > 0}
                            data-grid-cell={`${c.indicatorCode}|${sex}`}
                            status={problems.length ? 'error' : undefined}
                            value={textOf(c)}
                            disabled={c.state === 'approved' || c.state === 'submitted'}
                            onChange={(e) => setText(c.id, e.target.value)}
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
                          {c.returnReason && c.state === 'returned' && (
                            <div style={{ color: '#a8071a', fontSize: 12 }} data-testid="return-reason">
                              {t('entry.returnReason', { reason: c.returnReason })}
                            </div>
                          )}
                          {c.warnings.map((w) => (
                            <div key={w.check} style={{ color: '#874d00', fontSize: 12 }}>
                              {en ? w.en : w.zh}
                            </div>
                          ))}
                          <Tag
                            color={STATE_COLORS[c.state]}
                            style={{ marginTop: 2 }}
                            data-testid="cell-state"
                          >
                            {t(`cellState.${c.state}`)}
                          </Tag>
                        </div>
                      );
                    },
                  })),
                  {
                    title: t('entry.lastYear'),
                    width: 130,
                    render: (_, r) =>
                      SEXES.flatMap((sex) => {
                        const c = r.cells[sex];
                        return c && c.lastYearValue !== null ? [`${t(`sex.${sex}`)} ${c.lastYearValue}`] : [];
                      }).join(' / ') || '—',
                  },
                  {
                    title: t('entry.target'),
                    width: 150,
                    render: (_, r) => {
                      const target = Object.values(r.cells).find((c) => c.target)?.target;
                      return target ? (
                        <Typography.Text type="secondary" title={target.text}>
                          {target.year}:{' '}
                          {targetText(target as Pick<Target, 'comparator' | 'value' | 'unit'>, t)}
                        </Typography.Text>
                      ) : (
                        '—'
                      );
                    },
                  },
                  {
                    title: t('entry.comment'),
                    width: 200,
                    render: (_, r) => (
                      <Input
                        size="small"
                        aria-label={`${t('entry.comment')} ${rowName(r)}`}
                        data-grid-cell={`${r.key}|comment`}
                        value={rowComment(r)}
                        disabled={Object.values(r.cells).every(
                          (c) => c.state === 'approved' || c.state === 'submitted',
                        )}
                        onChange={(e) => setComment(r, e.target.value)}
                        onKeyDown={onGridKey}
                      />
                    ),
                  },
                ]}
              />
            )}
          </PageState>
        </Card>
      )}
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
