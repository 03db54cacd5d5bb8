import { App, DatePicker, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';

export type AlertAction = 'acknowledge' | 'resolve' | 'comment';

/**
 * The dialog that follows an alert up: acknowledge with an action plan and a due date, resolve (a note is
 * optional) or comment. `onDone` runs once the server has taken it.
 */
export function AlertActionModal({
  acting,
  onCancel,
  onDone,
}: {
  acting: { alert: { id: string }; action: AlertAction } | null;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [due, setDue] = useState<string | undefined>();

  const act = async () => {
    if (!acting) return;
    const { alert, action } = acting;
    try {
      await api(`/api/alerts/${encodeURIComponent(alert.id)}/${action}`, {
        method: 'POST',
        body:
          action === 'acknowledge'
            ? { actionPlan: note, ...(due ? { dueDate: due } : {}) }
            : note.trim()
              ? { note }
              : {},
      });
      void message.success(t(`alerts.done.${action}`));
      setNote('');
      setDue(undefined);
      onDone();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : t('state.networkError'));
    }
  };

  return (
    <Modal
      open={acting !== null}
      title={acting ? t(`alerts.${acting.action}`) : ''}
      okText={t('users.save')}
      cancelText={t('users.cancel')}
      okButtonProps={{ disabled: acting?.action !== 'resolve' && note.trim() === '' }}
      onOk={() => void act()}
      onCancel={onCancel}
    >
      <label htmlFor="alert-note">
        {acting?.action === 'acknowledge' ? t('alerts.actionPlan') : t('alerts.note')}
      </label>
      <Input.TextArea id="alert-note" rows={4} value={note} onChange={(e) => setNote(e.target.value)} />
      {acting?.action === 'acknowledge' && (
        <div style={{ marginTop: 12 }}>
          <label htmlFor="alert-due">{t('alerts.dueDate')}</label>{' '}
          <DatePicker
            id="alert-due"
            onChange={(_, s) => setDue(typeof s === 'string' && s ? s : undefined)}
          />
        </div>
      )}
    </Modal>
  );
}
