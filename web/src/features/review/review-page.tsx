import { App, Button, Card, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { CellState, RoundCell } from '../../api/types';
import { useApi } from '../../api/use-api';
import { CellHistory } from '../../components/cell-history';
import { PageState } from '../../components/page-state';
import { RoundSelect, useRoundChoices } from '../../components/round-select';
import { CloseRoundButton } from './close-round-button';

const STATES: CellState[] = ['submitted', 'returned', 'approved', 'draft', 'owed'];

/**
 * The monitoring lead's review queue for a round: submitted values with last year's value, what changed
 * since the previous submission and the warnings; approve, or return with a reason; each cell's history; close
 * the round (关闭本轮).
 */
export default function ReviewPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const en = i18n.language === 'en';
  const choices = useRoundChoices();
  const [roundId, setRoundId] = useState<string | undefined>();
  const [state, setState] = useState<CellState>('submitted');
  const cells = useApi<{ cells: RoundCell[] }>(
    roundId ? `/api/rounds/${encodeURIComponent(roundId)}/cells?state=${state}` : null,
  );
  const [selected, setSelected] = useState<string[]>([]);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const queue = useMemo(() => cells.data?.cells ?? [], [cells.data]);

  const decide = async (decision: 'approve' | 'return') => {
    setBusy(true);
    try {
      const r = await api<{ approved: number; returned: number }>(
        `/api/rounds/${encodeURIComponent(roundId!)}/review`,
        {
          method: 'POST',
          body: {
            decisions: selected.map((cellId) => ({
              cellId,
              decision,
              ...(decision === 'return' ? { reason } : {}),
            })),
          },
        },
      );
      void message.success(
        decision === 'approve'
          ? t('review.approved', { count: r.approved })
          : t('review.returned', { count: r.returned }),
      );
      setSelected([]);
      setReturning(false);
      setReason('');
      cells.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : t('state.networkError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 20 }}>
          {t('review.title')}
        </Typography.Title>
        <PageState
          loading={choices.loading}
          error={choices.error}
          data={choices.data}
          isEmpty={(d) => d.rounds.length === 0}
          emptyText={t('rounds.none')}
        >
          {(d) => (
            <Space wrap>
              <label htmlFor="round-select">{t('rounds.round')}</label>
              <RoundSelect rounds={d.rounds} plans={d.plans} value={roundId} onChange={setRoundId} />
              <label htmlFor="review-state">{t('review.state')}</label>
              <Select
                id="review-state"
                style={{ width: 120 }}
                value={state}
                onChange={(v: CellState) => {
                  setState(v);
                  setSelected([]);
                }}
                options={STATES.map((s) => ({ value: s, label: t(`cellState.${s}`) }))}
              />
              <Button
                type="primary"
                disabled={selected.length === 0 || state !== 'submitted'}
                loading={busy}
                onClick={() => void decide('approve')}
                data-testid="approve"
              >
                {t('review.approve', { count: selected.length })}
              </Button>
              <Button
                danger
                disabled={selected.length === 0 || state !== 'submitted'}
                onClick={() => setReturning(true)}
                data-testid="return"
              >
                {t('review.return', { count: selected.length })}
              </Button>
              <CloseRoundButton
                round={d.rounds.find((r) => r.id === roundId)}
                onClosed={() => {
                  choices.reload();
                  cells.reload();
                }}
              />
            </Space>
          )}
        </PageState>
      </Card>
      {roundId && (
        <Card>
          <PageState {...cells} isEmpty={(d) => d.cells.length === 0} emptyText={t('review.none')}>
            {() => (
              <div style={{ overflowX: 'auto' }}>
                <Table
                  size="small"
                  rowKey="id"
                  dataSource={queue}
                  pagination={{ pageSize: 50, showSizeChanger: false }}
                  data-testid="review-queue"
                  rowSelection={
                    state === 'submitted'
                      ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }
                      : undefined
                  }
                  expandable={{ expandedRowRender: (c) => <CellHistory roundId={roundId} cellId={c.id} /> }}
                  columns={[
                    { title: t('plans.indicator'), dataIndex: 'indicatorName' },
                    { title: t('indicator.region'), dataIndex: 'regionName' },
                    { title: t('indicator.sex'), dataIndex: 'sex', render: (s: string) => t(`sex.${s}`) },
                    {
                      title: t('indicator.value'),
                      render: (_, c) => (
                        <span>
                          {c.value ?? '—'} {c.unit ?? ''}
                        </span>
                      ),
                    },
                    {
                      title: t('entry.lastYear'),
                      dataIndex: 'lastYearValue',
                      render: (v: number | null) => v ?? '—',
                    },
                    {
                      title: t('review.sinceSubmission'),
                      render: (_, c) =>
                        c.changedSinceSubmission ? (
                          <Tag color="orange">
                            {c.submittedValue ?? '—'} → {c.value ?? '—'}
                          </Tag>
                        ) : c.firstSubmittedAt && c.submittedAt && c.firstSubmittedAt !== c.submittedAt ? (
                          <Tag color="blue">{t('review.resubmitted')}</Tag>
                        ) : (
                          '—'
                        ),
                    },
                    {
                      title: t('review.warnings'),
                      render: (_, c) => c.warnings.map((w) => <div key={w.check}>{en ? w.en : w.zh}</div>),
                    },
                    { title: t('indicator.comment'), dataIndex: 'comment' },
                    {
                      title: t('indicator.status'),
                      render: (_, c) => <Tag>{t(`cellState.${c.state}`)}</Tag>,
                    },
                  ]}
                />
              </div>
            )}
          </PageState>
        </Card>
      )}
      <Modal
        open={returning}
        title={t('review.returnTitle', { count: selected.length })}
        okText={t('review.returnOk')}
        cancelText={t('users.cancel')}
        okButtonProps={{ disabled: reason.trim() === '', loading: busy, danger: true }}
        onOk={() => void decide('return')}
        onCancel={() => setReturning(false)}
      >
        <label htmlFor="return-reason">{t('review.reason')}</label>
        <Input.TextArea
          id="return-reason"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Space>
  );
}
