import { App, Button, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { Round } from '../../api/types';
import { useUser } from '../../auth/auth-context';
import { can } from '../../auth/can';

/**
 * 关闭本轮: the monitoring lead closes a reporting round (POST /api/rounds/:id/close) after confirming; nothing
 * more can then be saved, submitted or uploaded in it. A closed round shows as such.
 */
export function CloseRoundButton({ round, onClosed }: { round: Round | undefined; onClosed: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const user = useUser();
  const [busy, setBusy] = useState(false);
  if (!round) return null;
  if (round.status === 'closed') return <Tag data-testid="round-closed">{t('rounds.closed')}</Tag>;
  if (!can(user, 'round:manage')) return null;
  const close = async () => {
    setBusy(true);
    try {
      await api(`/api/rounds/${encodeURIComponent(round.id)}/close`, { method: 'POST' });
      void message.success(t('review.closed', { year: round.year }));
      onClosed();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : t('state.networkError'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      danger
      loading={busy}
      data-testid="close-round"
      onClick={() =>
        modal.confirm({
          title: t('review.closeTitle', { year: round.year }),
          content: t('review.closeBody'),
          okText: t('review.closeOk'),
          okButtonProps: { danger: true },
          cancelText: t('users.cancel'),
          onOk: close,
        })
      }
    >
      {t('review.close')}
    </Button>
  );
}
