/**
 * A number with its unit as Chinese reports write it: `15.2/10万` for "1/10万", `85%`, `3‰`, `12年`.
 * At most two decimals, trailing zeros dropped; a null value is "无数据".
 */
export function formatQuantity(value: number | null, unit: string | null): string {
  if (value === null || !Number.isFinite(value)) return '无数据';
  const n = formatNumber(value);
  if (unit === null || unit === '') return n;
  if (unit.startsWith('1/')) return `${n}/${unit.slice(2)}`;
  return `${n}${unit}`;
}

/** A plain number with at most `digits` decimals and no trailing zeros (−0 shown as 0). */
export function formatNumber(value: number, digits = 2): string {
  const rounded = Number(value.toFixed(digits));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
