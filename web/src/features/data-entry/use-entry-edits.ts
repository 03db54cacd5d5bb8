import { useCallback, useEffect, useState } from 'react';
import type { RoundCell } from '../../api/types';
import { checkCell, parseCell, type CellProblem } from './cell-checks';
import type { EntryRow } from './entry-rows';

interface Edit {
  text?: string;
  comment?: string;
}

/** What the grid reads and changes: the typed values and comments not yet saved, and their problems. */
export interface EntryEdits {
  dirty: boolean;
  textOf: (c: RoundCell) => string;
  /** A row's comment (one for all its cells): as edited, else as stored. */
  rowComment: (row: EntryRow) => string;
  /** The inline checks of an edited cell (none for a cell not touched). */
  problemsOf: (row: EntryRow, c: RoundCell) => CellProblem[];
  /** The server's refusals by cell id, from the last save. */
  serverProblems: Record<string, string[]>;
  clientProblems: number;
  setText: (id: string, text: string) => void;
  setComment: (row: EntryRow, comment: string) => void;
  /** The edited cells as the round's PUT takes them (approved ones left out). */
  toSave: (cells: RoundCell[]) => { ids: string[]; body: unknown[] };
  setServerProblems: (problems: Record<string, string[]>) => void;
  clear: () => void;
}

/** The grid's unsaved edits of a round (dropped when the round changes). */
export function useEntryEdits(rows: EntryRow[], roundId: string | undefined): EntryEdits {
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [serverProblems, setServerProblems] = useState<Record<string, string[]>>({});
  const clear = useCallback(() => {
    setEdits({});
    setServerProblems({});
  }, []);
  useEffect(clear, [roundId, clear]);

  const textOf = (c: RoundCell) => edits[c.id]?.text ?? (c.value === null ? '' : String(c.value));
  const rowComment = (row: EntryRow) => {
    const cs = Object.values(row.cells);
    for (const c of cs) if (edits[c.id]?.comment !== undefined) return edits[c.id]!.comment!;
    return cs.find((c) => c.comment)?.comment ?? '';
  };
  const problemsOf = (row: EntryRow, c: RoundCell): CellProblem[] => {
    if (edits[c.id]?.text === undefined) return [];
    return checkCell({
      indicator: { unit: c.unit },
      text: textOf(c),
      isFemale: false,
      previous: c.lastYearValue,
      comment: rowComment(row),
    });
  };
  const clientProblems = rows.reduce(
    (n, row) => n + Object.values(row.cells).reduce((m, c) => m + problemsOf(row, c).length, 0),
    0,
  );

  return {
    dirty: Object.keys(edits).length > 0,
    textOf,
    rowComment,
    problemsOf,
    serverProblems,
    clientProblems,
    setText: (id, text) => {
      setEdits((prev) => ({ ...prev, [id]: { ...prev[id], text } }));
      setServerProblems((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => k !== id)));
    },
    setComment: (row, comment) =>
      setEdits((prev) => {
        const next = { ...prev };
        for (const c of Object.values(row.cells)) next[c.id] = { ...next[c.id], comment };
        return next;
      }),
    toSave: (cells) => {
      const edited = cells.filter((c) => edits[c.id] !== undefined && c.state !== 'approved');
      const row = (c: RoundCell) => rows.find((r) => r.cells[c.sex]?.id === c.id);
      return {
        ids: edited.map((c) => c.id),
        body: edited.map((c) => {
          const value = parseCell(textOf(c));
          const own = row(c);
          const comment = edits[c.id]?.comment ?? (own ? rowComment(own) : c.comment);
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
      };
    },
    setServerProblems,
    clear,
  };
}
