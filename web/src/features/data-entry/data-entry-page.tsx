import { Alert, Button, Card, Select, Space, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { RoundCell } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useUser } from '../../auth/auth-context';
import { PageState } from '../../components/page-state';
import { RoundSelect, useRoundChoices } from '../../components/round-select';
import { EntryGrid } from './entry-grid';
import { entryRegions, entryRows } from './entry-rows';
import { UnsavedGuard } from './unsaved-guard';
import { useEntryEdits } from './use-entry-edits';
import { useRoundActions } from './use-round-actions';

/**
 * The reporter's grid for a reporting round: the owed cells with last year's value and the target, inline
 * checks, a comment where a value moved a lot, save draft, submit, the department's Excel template and its
 * upload (each problem at its cell), returned values with the reviewer's reason, each cell's history, and an
 * unsaved-changes guard.
 */
export default function DataEntryPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [params] = useSearchParams();
  const choices = useRoundChoices();
  const [roundId, setRoundId] = useState<string | undefined>(params.get('round') ?? undefined);
  const [region, setRegion] = useState<string | undefined>(params.get('region') ?? undefined);
  const cells = useApi<{ cells: RoundCell[] }>(
    roundId ? `/api/rounds/${encodeURIComponent(roundId)}/cells` : null,
  );

  const all = useMemo(() => cells.data?.cells ?? [], [cells.data]);
  const regions = useMemo(() => entryRegions(all), [all]);
  const shownRegion = region && regions.some(([code]) => code === region) ? region : regions[0]?.[0];
  const departments = useMemo(() => [...new Set(all.map((c) => c.department))].sort(), [all]);
  const rows = useMemo(() => entryRows(all, shownRegion), [all, shownRegion]);
  const edits = useEntryEdits(rows, roundId);
  const actions = useRoundActions({
    roundId,
    cells: all,
    edits,
    user,
    region: shownRegion,
    reload: cells.reload,
  });

  const round = choices.data?.rounds.find((r) => r.id === roundId);
  const returned = all.filter((c) => c.state === 'returned');
  const { uploadProblems } = actions;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 20 }}>
          {t('entry.title')}
        </Typography.Title>
        <PageState
          loading={choices.loading}
          error={choices.error}
          data={choices.data}
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
                  onClick={() => void actions.saveDraft()}
                  disabled={!edits.dirty || edits.clientProblems > 0}
                  loading={actions.busy}
                  data-testid="save-draft"
                >
                  {t('entry.saveDraft')}
                </Button>
                <Button
                  type="primary"
                  onClick={() => void actions.submit()}
                  loading={actions.busy}
                  disabled={edits.clientProblems > 0}
                  data-testid="submit"
                >
                  {t('entry.submit')}
                </Button>
                {edits.dirty && <Tag color="gold">{t('entry.unsaved')}</Tag>}
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
                    void actions.upload(file);
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
              {edits.clientProblems > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  title={t('entry.fixProblems', { count: edits.clientProblems })}
                />
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
            {() => <EntryGrid rows={rows} edits={edits} roundId={roundId} />}
          </PageState>
        </Card>
      )}
      <UnsavedGuard dirty={edits.dirty} />
    </Space>
  );
}
