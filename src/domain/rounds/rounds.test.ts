import { describe, expect, it } from 'vitest';
import { findIndicator } from '../indicators/catalog.js';
import { cellTransition } from './cell-transition.js';
import { deriveOwedCells } from './derive-owed-cells.js';
import { isDeadline } from './deadline.js';
import { roundProgress, type ProgressCell } from './round-progress.js';

describe('deriveOwedCells', () => {
  it('owes each quantitative indicator per region and breakdown, to its supplying department', () => {
    const retention = findIndicator('education.compulsory_retention')!; // by sex
    const mmr = findIndicator('health.maternal_mortality')!;
    const cells = deriveOwedCells([retention, mmr, retention], ['340800', '340822']);
    const ofRetention = cells.filter((c) => c.indicatorCode === retention.code);
    expect(ofRetention.map((c) => `${c.regionCode}/${c.sex}`)).toEqual([
      '340800/合计',
      '340800/女',
      '340800/男',
      '340822/合计',
      '340822/女',
      '340822/男',
    ]);
    expect(ofRetention.every((c) => c.department === '教育局')).toBe(true);
    expect(cells.filter((c) => c.indicatorCode === mmr.code)).toHaveLength(
      2 * (1 + mmr.disaggregations.flatMap((d) => d.values.filter((x) => x !== '合计')).length),
    );
  });
  it('owes nothing for qualitative indicators and one cell per category with no total', () => {
    const qualitative = findIndicator('health.women_health_level')!;
    expect(deriveOwedCells([qualitative], ['340800'])).toEqual([]);
    const cases = findIndicator('law.crimes_against_women_clearance')!;
    expect(deriveOwedCells([cases], ['340800']).map((c) => c.age)).toEqual(['破案率', '结案率']);
  });
});

describe('cellTransition', () => {
  it('follows draft → submitted → approved, returned → resubmitted, reopen only from approved', () => {
    expect(cellTransition('owed', 'save')).toEqual({ ok: true, state: 'draft' });
    expect(cellTransition('draft', 'save')).toEqual({ ok: true, state: 'draft' });
    expect(cellTransition('draft', 'submit')).toEqual({ ok: true, state: 'submitted' });
    expect(cellTransition('submitted', 'return')).toEqual({ ok: true, state: 'returned' });
    expect(cellTransition('returned', 'save')).toEqual({ ok: true, state: 'draft' });
    expect(cellTransition('submitted', 'approve')).toEqual({ ok: true, state: 'approved' });
    expect(cellTransition('approved', 'reopen')).toEqual({ ok: true, state: 'returned' });
    const locked = cellTransition('approved', 'save');
    expect(locked).toMatchObject({ ok: false });
    expect(!locked.ok && locked.zh).toContain('只有监测组可重新开放');
    expect(cellTransition('submitted', 'save')).toMatchObject({ ok: false });
    expect(cellTransition('owed', 'submit')).toMatchObject({ ok: false });
    expect(cellTransition('draft', 'reopen')).toMatchObject({ ok: false });
  });
});

describe('roundProgress', () => {
  const cell = (
    department: string,
    regionCode: string,
    state: ProgressCell['state'],
    at: string | null = null,
  ) => ({
    department,
    regionCode,
    state,
    firstSubmittedAt: at,
  });
  const cells = [
    cell('卫健局', '340822', 'approved', '2025-03-01T00:00:00Z'),
    cell('卫健局', '340822', 'submitted', '2025-04-02T00:00:00Z'),
    cell('卫健局', '340881', 'draft'),
    cell('教育局', '340822', 'owed'),
    cell('教育局', '340881', 'returned', '2025-03-10T00:00:00Z'),
  ];
  it('counts owed, entered, submitted, approved per department and region', () => {
    const p = roundProgress(cells, '2025-03-31', new Date('2025-03-15T00:00:00Z'));
    expect(p.total).toMatchObject({ owed: 5, entered: 4, submitted: 2, approved: 1, returned: 1, late: 1 });
    expect(p.byDepartment.find((d) => d.department === '卫健局')).toMatchObject({
      owed: 3,
      submitted: 2,
      completeness: 2 / 3,
      timeliness: 1 / 3,
    });
    expect(p.byRegion.map((r) => r.regionCode)).toEqual(['340822', '340881']);
    expect(p.reminders).toEqual([]);
  });
  it('lists overdue departments once the deadline (end of the day, China time) has passed', () => {
    expect(roundProgress(cells, '2025-03-31', new Date('2025-03-31T15:00:00Z')).reminders).toEqual([]);
    const p = roundProgress(cells, '2025-03-31', new Date('2025-03-31T16:00:01Z'));
    expect(p.reminders).toEqual([
      { department: '教育局', overdue: 2, regionCodes: ['340822', '340881'] },
      { department: '卫健局', overdue: 1, regionCodes: ['340881'] },
    ]);
    // Late: submitted after the deadline, or never submitted; the returned cell was first submitted in time.
    expect(p.total.late).toBe(3);
  });
  it('declares empty input as nothing owed', () => {
    expect(roundProgress([], '2025-03-31', new Date()).total).toMatchObject({ owed: 0, completeness: null });
  });
  it('accepts only real dates as deadlines', () => {
    expect(isDeadline('2025-03-31')).toBe(true);
    expect(isDeadline('2025-02-30')).toBe(false);
    expect(isDeadline('31/03/2025')).toBe(false);
  });
});
