import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, apiUpload } from '../../api/client';
import type { RoundCell, User } from '../../api/types';
import type { EntryEdits } from './use-entry-edits';

/** Save draft, submit and the Excel upload of a round, with their messages; the cells reloaded after each. */
export function useRoundActions({
  roundId,
  cells,
  edits,
  user,
  region,
  reload,
}: {
  roundId: string | undefined;
  cells: RoundCell[];
  edits: EntryEdits;
  user: User;
  region: string | undefined;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [uploadProblems, setUploadProblems] = useState<{ field: string; message: string }[]>([]);
  const round = `/api/rounds/${encodeURIComponent(roundId ?? '')}`;

  /** Saves every edited cell as a draft; returns false (problems shown at their cells) when refused. */
  const save = async (): Promise<boolean> => {
    const { ids, body } = edits.toSave(cells);
    if (ids.length === 0) return true;
    try {
      const result = await api<{ warnings: { cellId: string; message: string }[] }>(`${round}/cells`, {
        method: 'PUT',
        body: { source: 'form', cells: body },
      });
      edits.clear();
      if (result.warnings.length) void message.warning(result.warnings.map((w) => w.message).join('；'));
      reload();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) {
        // Fields name the position in the body: `cells.3.value`.
        const byCell: Record<string, string[]> = {};
        for (const f of e.fields) {
          const id = ids[Number(f.field.split('.')[1])];
          if (id) (byCell[id] ??= []).push(f.message);
        }
        edits.setServerProblems(byCell);
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
        user.role === 'reporter' ? user.departments.map((department) => ({ department })) : [{ region }];
      let submitted = 0;
      for (const body of scopes)
        submitted += (await api<{ submitted: number }>(`${round}/submit`, { method: 'POST', body }))
          .submitted;
      void message.success(t('entry.submitted', { count: submitted }));
      reload();
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
        `${round}/upload?filename=${encodeURIComponent(file.name)}`,
        file,
      );
      void message.success(t('entry.uploaded', { count: r.saved }));
      reload();
    } catch (e) {
      if (e instanceof ApiError)
        setUploadProblems(e.fields.length ? e.fields : [{ field: '', message: e.message }]);
      else void message.error(t('state.networkError'));
    }
  };

  return { busy, uploadProblems, saveDraft, submit, upload };
}
