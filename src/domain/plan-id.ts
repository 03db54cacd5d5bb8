/** Plan ids appear in URLs and file names: letters (any script), digits, "-" and "_", at most 64. */
export function isValidPlanId(id: string): boolean {
  return /^[\p{L}\p{N}_-]{1,64}$/u.test(id);
}
