/** What a reader must be told about a value: simulated (模拟数据), provisional (初步数据, not yet approved). */
export interface DataFlags {
  simulated: boolean;
  provisional: boolean;
}

export const NO_FLAGS: DataFlags = { simulated: false, provisional: false };

/** The mark after a value in text and tables: "（模拟数据）", "（初步数据）", both, or "". */
export function dataMark(flags: DataFlags, lang: 'zh' | 'en' = 'zh'): string {
  const words =
    lang === 'zh'
      ? [flags.simulated ? '模拟数据' : null, flags.provisional ? '初步数据' : null]
      : [flags.simulated ? 'simulated' : null, flags.provisional ? 'provisional' : null];
  const shown = words.filter((w): w is string => w !== null);
  if (shown.length === 0) return '';
  return lang === 'zh' ? `（${shown.join('，')}）` : ` (${shown.join(', ')})`;
}

/** The status cell of a yearbook or table: 正式 / 初步 / 模拟, joined. */
export function dataStatusLabel(flags: DataFlags): string {
  const parts = [flags.simulated ? '模拟' : null, flags.provisional ? '初步' : '正式'];
  return parts.filter((p): p is string => p !== null).join('·');
}

/** Combines the flags of several values: any simulated or provisional one marks the whole. */
export function mergeFlags(flags: readonly DataFlags[]): DataFlags {
  return {
    simulated: flags.some((f) => f.simulated),
    provisional: flags.some((f) => f.provisional),
  };
}
