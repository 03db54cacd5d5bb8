/** The last instant of the deadline day, in China Standard Time (UTC+8): a round's deadline is a date. */
export function deadlineEnd(deadline: string): Date {
  return new Date(`${deadline}T23:59:59.999+08:00`);
}

/** Whether a round deadline is a real calendar date written YYYY-MM-DD. */
export function isDeadline(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
