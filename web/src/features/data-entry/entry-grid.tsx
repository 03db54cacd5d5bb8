import { Input, Space, Table, Tag, Typography } from 'antd';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Target } from '../../api/types';
import { CellHistory } from '../../components/cell-history';
import { targetText } from '../plans/target-text';
import type { CellProblem } from './cell-checks';
import { rowName, SEXES, type EntryRow } from './entry-rows';
import type { EntryEdits } from './use-entry-edits';

const STATE_COLORS: Record<string, string> = {
  owed: 'default',
  draft: 'gold',
  submitted: 'blue',
  returned: 'red',
  approved: 'green',
};

/** Enter (Shift+Enter) moves to the next (previous) grid input, as Tab does. */
function onGridKey(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  const inputs = [...document.querySelectorAll<HTMLInputElement>('[data-grid-cell]')];
  const i = inputs.indexOf(event.currentTarget);
  inputs[event.shiftKey ? i - 1 : i + 1]?.focus();
}

/**
 * The owed cells of one region as a grid: a value per sex with its inline checks, the server's refusals, the
 * reviewer's reason and warnings, and its state; last year's value, the target, the row's comment; each
 * row opens to its cells' history.
 */
export function EntryGrid({
  rows,
  edits,
  roundId,
}: {
  rows: EntryRow[];
  edits: EntryEdits;
  roundId: string;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const problemText = (p: CellProblem) =>
    t(`entry.problem.${p.kind}`, p.kind === 'comment_required' ? { change: p.change } : {});
  return (
    <Table
      className="hs-grid"
      size="small"
      rowKey="key"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 960 }}
      data-testid="entry-grid"
      expandable={{
        expandedRowRender: (r) => (
          <Space align="start" wrap size="large">
            {SEXES.flatMap((sex) => {
              const c = r.cells[sex];
              return c
                ? [
                    <div key={sex} style={{ minWidth: 260 }}>
                      <Typography.Text strong>
                        {rowName(r)} {t(`sex.${sex}`)}
                      </Typography.Text>
                      <CellHistory roundId={roundId} cellId={c.id} />
                    </div>,
                  ]
                : [];
            })}
          </Space>
        ),
      }}
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
          render: (_: unknown, r: EntryRow) => {
            const c = r.cells[sex];
            if (!c) return <Typography.Text type="secondary">—</Typography.Text>;
            const problems = [
              ...edits.problemsOf(r, c).map(problemText),
              ...(edits.serverProblems[c.id] ?? []),
            ];
            return (
              <div>
                <Input
                  size="small"
                  inputMode="decimal"
                  aria-label={`${rowName(r)} ${t(`sex.${sex}`)}`}
                  aria-invalid={problems.length > 0}
                  data-grid-cell={`${c.indicatorCode}|${sex}`}
                  status={problems.length ? 'error' : undefined}
                  value={edits.textOf(c)}
                  disabled={c.state === 'approved' || c.state === 'submitted'}
                  onChange={(e) => edits.setText(c.id, e.target.value)}
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
                <Tag color={STATE_COLORS[c.state]} style={{ marginTop: 2 }} data-testid="cell-state">
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
                {target.year}: {targetText(target as Pick<Target, 'comparator' | 'value' | 'unit'>, t)}
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
              value={edits.rowComment(r)}
              disabled={Object.values(r.cells).every(
                (c) => c.state === 'approved' || c.state === 'submitted',
              )}
              onChange={(e) => edits.setComment(r, e.target.value)}
              onKeyDown={onGridKey}
            />
          ),
        },
      ]}
    />
  );
}
