import { Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { PageState } from '../../components/page-state';

interface AlertEvent {
  position: number;
  at: string;
  actor: string | null;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  dueDate: string | null;
}

/** One alert's history (issued, acknowledged, commented, …), loaded when its row is opened. */
export function AlertHistory({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const detail = useApi<{ events: AlertEvent[] }>(`/api/alerts/${encodeURIComponent(id)}`);
  return (
    <PageState {...detail} isEmpty={(d) => d.events.length === 0}>
      {(d) => (
        <Timeline
          items={d.events.map((e) => ({
            children: (
              <span>
                {new Date(e.at).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN')} ·{' '}
                {e.actor ?? t('alerts.system')} · {t(`alertEvent.${e.kind}`, { defaultValue: e.kind })}
                {e.toStatus && ` → ${t(`alertStatus.${e.toStatus}`, { defaultValue: e.toStatus })}`}
                {e.note && ` · ${e.note}`}
                {e.dueDate && ` · ${t('alerts.due', { date: e.dueDate })}`}
              </span>
            ),
          }))}
        />
      )}
    </PageState>
  );
}
