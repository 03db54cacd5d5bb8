/**
 * Whether a target's unit can measure an indicator: "1/10万活产数" and "1/10万" can, "%" and "1/10万"
 * cannot. Units are compared by their canonical form and by family (persons 名/人/位; places 个/家/所…).
 */

/** Groups of count units that plans use interchangeably. */
const UNIT_FAMILIES: readonly (readonly string[])[] = [
  ['名', '人', '位'],
  ['个', '家', '所', '处', '座'],
  ['个月', '月'],
];

/**
 * Canonical form of a unit: NFKC, lower case, no spaces, μ/µ → u; rates per 100 000 → "1/10万";
 * ratios ("ratio", ":1", "比值…") → "ratio"; a per-something unit in Chinese ("名/千名儿童", "元/月")
 * → its counted part ("名", "元"). Null or blank → null.
 */
export function canonicalUnit(unit: string | null): string | null {
  if (unit === null) return null;
  const u = unit.normalize('NFKC').replace(/\s+/g, '').toLowerCase().replace(/[µμ]/g, 'u');
  if (u === '') return null;
  if (/^1?\/10万/.test(u)) return '1/10万';
  if (u === 'ratio' || u.startsWith(':') || u.startsWith('比值')) return 'ratio';
  if (/^[a-z]+\/[a-z]+$/.test(u)) return u;
  const slash = u.indexOf('/');
  return slash > 0 ? u.slice(0, slash) : u;
}

/** True when either unit is unknown (null) or both name the same kind of quantity. */
export function unitsCompatible(a: string | null, b: string | null): boolean {
  const ca = canonicalUnit(a);
  const cb = canonicalUnit(b);
  if (ca === null || cb === null || ca === cb) return true;
  return UNIT_FAMILIES.some((family) => family.includes(ca) && family.includes(cb));
}
