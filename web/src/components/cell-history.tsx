import { Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CellHistoryEntry } from '../api/types';
import { useApi } from '../api/use-api';
import { PageState } from './page-state';

/** One round cell's history: who changed what, when, and why (the review queue and the reporter's grid). */
export function CellHistory({ roundId, cellId }: { roundId: string; cellId: string }) {
  const { t, i18n } = useTranslation();
  const history = useApi<{ history: CellHistoryEntry[] }>(
    `/api/rounds/${encodeURIComponent(roundId)}/cells/${encodeURIComponent(cellId)}/history`,
  );
  return (
    <PageState {...history} isEmpty={(d) => d.history.length === 0}>
      {(d) => (
        <Timeline
          data-testid="cell-history"
          items={d.history.map((h) => ({
            children: (
              <span>
                {new Date(h.at).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN')} ·{' '}
                {h.userName ?? h.userId ?? '—'} · {t(`historyAction.${h.action}`, { defaultValue: h.action })}
                {h.oldValue !== h.newValue && ` · ${h.oldValue ?? '—'} → ${h.newValue ?? '—'}`}
                {h.reason && ` · ${t('review.reason')}：${h.reason}`}
              </span>
            ),
          }))}
        />
      )}
    </PageState>
  );
}
