import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import type { AccessUser } from '../src/domain/access/access-user.js';
import { findIndicator, INDICATOR_CATALOG } from '../src/domain/indicators/catalog.js';
import { isCount, valueBounds } from '../src/domain/observations/value-bounds.js';
import { deriveOwedCells } from '../src/domain/rounds/derive-owed-cells.js';
import { buildRoundTemplate, type TemplateRow } from '../src/data-files/round-template.js';
import { importPlanFile } from '../src/services/plans/import-plan-file.js';
import { ensureReferencedData } from '../src/services/reference-data/ensure-referenced-data.js';
import { openRound } from '../src/services/rounds/open-round.js';
import { loadRound } from '../src/services/rounds/round-context.js';
import { uploadRoundFile } from '../src/services/rounds/upload-round-file.js';
import { createUser } from '../src/services/users/create-user.js';
import { openDatabase } from '../src/store/open-database.js';
import { loadRegionTree } from '../src/store/regions/load-region-tree.js';
import { listRoundCells, type StoredRoundCell } from '../src/store/round-cell-repository.js';
import { insertRound } from '../src/store/round-repository.js';
import type { BenchResult } from './median-ms.js';

/** Cells in the uploaded workbook (the bar: 100,000 validated and stored in ≤ 15 s). */
const UPLOAD_CELLS = Number(process.env.HALFSKY_BENCH_ROUND_CELLS ?? 100_000);
/** Concurrent reporters saving one cell each, and how long they keep at it (the bar: p99 ≤ 30 ms with 50). */
const CONNECTIONS = Number(process.env.HALFSKY_BENCH_ROUND_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.HALFSKY_BENCH_ROUND_SECONDS ?? 10);
/**
 * Saves per second of all reporters together in the paced run (the bar): 50 reporters each saving a cell
 * every second — typing a value and Tab takes longer, and it is the slowest pace autocannon can give 50
 * connections (a rate below one a second per connection drops connections). The `brisk` run doubles it (a
 * save every half second each); the saturated run sends each reporter's next save as soon as the last is
 * answered, which measures the server's throughput rather than a reporter's wait.
 */
const SAVES_PER_SECOND = Number(process.env.HALFSKY_BENCH_ROUND_RATE ?? 50);
const RUNS = 3;
/** Saves sent (and not measured) before each save run, so that the server is warm. */
const WARM_UP_SECONDS = Number(process.env.HALFSKY_BENCH_ROUND_WARM_UP ?? 3);

/** The part of autocannon (untyped) this benchmark uses. */
interface AutocannonRequest {
  method: string;
  path: string;
  setupRequest: (request: { headers?: Record<string, string> }, context: Record<string, unknown>) => object;
  onResponse: (status: number, body: string, context: Record<string, unknown>) => void;
}
interface AutocannonResult {
  latency: { p50: number; p99: number };
  requests: { total: number; average: number };
  non2xx: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  connections: number;
  duration: number;
  /** Requests per second over all connections (paced); unset, each connection sends as fast as answered. */
  overallRate?: number;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult>;

const SYSTEM: AccessUser = {
  id: 'bench',
  username: 'bench',
  displayName: '基准测试',
  role: 'administrator',
  regionCode: '000000',
  departments: [],
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

function tempDir(): { dir: string; drop: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'halfsky-bench-round-'));
  return { dir, drop: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A round owing at least `count` cells: every quantitative indicator × the county-level regions of several
 * provinces (as many as needed) × breakdowns, inserted directly (opening derives a plan's cells; here the
 * size is the point), and the filled-in Excel template of its first `count` cells: whole numbers within each
 * indicator's range, 女 + 男 = 合计 for counts. Built outside the timing.
 */
async function bigRound(db: Awaited<ReturnType<typeof openDatabase>>, count: number, withFile = true) {
  const tree = loadRegionTree();
  const counties = [...tree.regions()]
    .filter((r) => r.level === 'county' || r.level === 'district')
    .map((r) => r.code);
  const indicators = INDICATOR_CATALOG.filter((i) => i.kind === 'quantitative');
  const perRegion = deriveOwedCells(indicators, ['000000']).length;
  const owed = deriveOwedCells(indicators, counties.slice(0, Math.ceil(count / perRegion))).slice(0, count);
  if (owed.length < count) throw new Error(`only ${owed.length} cells available`);
  await ensureReferencedData(db, tree, owed);
  await insertRound(
    db,
    {
      id: 'bench-2024',
      planId: 'bench',
      year: 2024,
      regionCode: '000000',
      deadline: '2025-03-31',
      status: 'open',
      openedBy: 'bench',
      openedAt: new Date().toISOString(),
      closedAt: null,
      closedBy: null,
    },
    owed.map((c) => ({ ...c, state: 'owed' as const })),
  );
  if (!withFile) return null;
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const rows: TemplateRow[] = owed.map((c, n) => {
    const indicator = byCode.get(c.indicatorCode)!;
    const sums = isCount(indicator) || indicator.rollUp.kind === 'sum';
    const base = 40 + ((n * 7919) % 20);
    return {
      ...c,
      indicatorName: indicator.nameZh,
      unit: indicator.unit,
      regionName: c.regionCode,
      lastYearValue: null,
      target: null,
      // Counts: the same value for 女 and 男 and twice it for 合计, so 女 + 男 = 合计 holds.
      value: sums ? (c.sex === '合计' ? 2 * 40 : 40) : base,
      numerator: null,
      denominator: null,
      comment: null,
      version: 0,
      bounds: valueBounds(indicator),
      whole: isCount(indicator),
      editable: true,
    };
  });
  const bytes = await buildRoundTemplate(
    { title: 'bench', roundId: 'bench-2024', year: 2024, department: '全部', deadline: '2025-03-31' },
    rows,
  );
  return bytes;
}

/** A 100,000-cell Excel upload read, validated, cross-checked and stored in SQLite (median of 3). */
async function roundUploadXlsx(): Promise<BenchResult> {
  const times: number[] = [];
  let file: Buffer | null = null;
  for (let run = 0; run < RUNS; run++) {
    const { dir, drop } = tempDir();
    const db = await openDatabase({ database: { kind: 'sqlite', file: join(dir, 'bench.sqlite') } });
    try {
      // The workbook is the same for every run: built once (ExcelJS writing 100,000 rows takes a while).
      const built = await bigRound(db, UPLOAD_CELLS, file === null);
      file ??= built!;
      const bytes = file;
      const ctx = await loadRound(db, SYSTEM, 'bench-2024');
      const start = performance.now();
      const result = await uploadRoundFile(
        db,
        SYSTEM,
        ctx,
        { bytes, filename: 'bench.xlsx' },
        { maxBytes: 1 << 30, now: new Date('2025-01-15T00:00:00Z') },
      );
      times.push(performance.now() - start);
      if (result.saved !== UPLOAD_CELLS) throw new Error(`saved ${result.saved} of ${UPLOAD_CELLS}`);
    } finally {
      await db.destroy();
      drop();
    }
  }
  times.sort((a, b) => a - b);
  return {
    name: 'round-upload-xlsx-sqlite',
    ms: Math.round(times[Math.floor(times.length / 2)]!),
    cells: UPLOAD_CELLS,
    bytes: file?.length ?? 0,
  };
}

/** One reporter of the save benchmark: its session, its cell, the version its last save returned. */
interface Slot {
  cookie: string;
  csrfToken: string;
  cell: StoredRoundCell;
  version: number;
  n: number;
}

const REPORTER_PASSWORD = 'bench-password-1';

/**
 * The save benchmark's database in `dir`: the 安庆 plan's 2024 round and `CONNECTIONS` reporters of 卫健局;
 * returns the department's cells whose bounds admit the values saved (45–49).
 */
async function saveBenchRound(dir: string): Promise<StoredRoundCell[]> {
  const db = await openDatabase({ database: { kind: 'sqlite', file: join(dir, 'halfsky.sqlite') } });
  const tree = loadRegionTree();
  await importPlanFile(db, 'data/plans/anqing.txt', { maxBytes: 1 << 24, id: 'anqing' });
  await openRound(db, SYSTEM, { planId: 'anqing', year: 2024, deadline: '2099-03-31' }, new Date());
  const ctx = await loadRound(db, SYSTEM, 'anqing-2024');
  const cells = (await listRoundCells(db, ctx.round, { departments: ['卫健局'] })).filter((c) => {
    const b = valueBounds(findIndicator(c.indicatorCode)!);
    return b === null || b.max === null || b.max >= 50;
  });
  if (cells.length < CONNECTIONS) throw new Error(`only ${cells.length} cells for ${CONNECTIONS} reporters`);
  for (let i = 0; i < CONNECTIONS; i++)
    await createUser(db, tree, {
      username: `reporter${i}`,
      password: REPORTER_PASSWORD,
      role: 'reporter',
      region: '340800',
      departments: ['卫健局'],
    });
  await db.destroy();
  return cells;
}

/** Each reporter logged in to the server at `address`, with its own cell: one slot per connection. */
async function logInReporters(address: string, cells: readonly StoredRoundCell[]): Promise<Slot[]> {
  const slots: Slot[] = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: `reporter${i}`, password: REPORTER_PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    slots.push({ cookie, csrfToken, cell: cells[i]!, version: 0, n: 0 });
  }
  return slots;
}

/**
 * Saving one cell through the API under `CONNECTIONS` concurrent reporters (one session and one cell each,
 * sending the version its last save returned), with autocannon against a real server listening in its own
 * process on SQLite: the 安庆 plan's 2024 round.
 */
async function roundSaveCellApi(pattern: 'paced' | 'brisk' | 'saturated' | 'spread'): Promise<BenchResult> {
  const { dir, drop } = tempDir();
  const cells = await saveBenchRound(dir);
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  // HALFSKY_BENCH_CPU_PROF=DIR writes the server's CPU profile there (node --cpu-prof).
  const profile = process.env.HALFSKY_BENCH_CPU_PROF;
  const profiling = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(process.execPath, [...profiling, '--import', 'tsx', 'bench/round-server.ts'], {
    env: { ...process.env, HALFSKY_DATA_DIR: dir, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  try {
    const address = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    const slots = await logInReporters(address, cells);
    /** The server's own account of the run: CPU time and each request's time inside the server. */
    const server = (message: 'start' | 'stop') =>
      new Promise<{ cpuMicros: number; durations: number[] }>((resolve) => {
        if (message === 'stop') child.once('message', (m) => resolve(m as never));
        child.send(message, () => {
          if (message === 'start') resolve({ cpuMicros: 0, durations: [] });
        });
      });
    let next = 0;
    let failures = 0;
    let conflicts = 0;
    const bodyOf = (s: Slot) =>
      JSON.stringify({
        cells: [
          {
            indicator: s.cell.indicatorCode,
            region: s.cell.regionCode,
            sex: s.cell.sex,
            urbanRural: s.cell.urbanRural,
            age: s.cell.age,
            value: 45 + (s.n % 5),
            version: s.version,
          },
        ],
      });
    const answered = (s: Slot, status: number, body: string) => {
      if (status === 200)
        s.version = (JSON.parse(body) as { cells: { version: number }[] }).cells[0]!.version;
      else if (status === 409) {
        // autocannon may build a connection's next request before the previous answer arrives: a stale
        // version is then refused (as it must be); resynchronise from the message and count it.
        conflicts++;
        s.version = Number(/当前版本 (\d+)/.exec(body)?.[1] ?? s.version);
      } else {
        failures++;
        if (failures <= 3) console.error(`save failed: ${status} ${body.slice(0, 300)}`);
      }
    };
    const run = (seconds: number, rate: number | null) =>
      autocannon({
        url: address,
        connections: CONNECTIONS,
        duration: seconds,
        ...(rate === null ? {} : { overallRate: rate }),
        requests: [
          {
            method: 'PUT',
            path: '/api/rounds/anqing-2024/cells',
            setupRequest: (request, context) => {
              const ctx = context as { slot?: Slot };
              ctx.slot ??= slots[next++ % slots.length]!;
              const s = ctx.slot;
              s.n++;
              return {
                ...request,
                headers: {
                  ...request.headers,
                  'content-type': 'application/json',
                  cookie: s.cookie,
                  'x-csrf-token': s.csrfToken,
                },
                body: bodyOf(s),
              };
            },
            onResponse: (status, body, context) => answered((context as { slot?: Slot }).slot!, status, body),
          },
        ],
      });
    // A server that has run for a while: the first saves compile the code paths (JIT) and fill the statement
    // caches, and would otherwise be the slowest 1 % of a 10-second run. Discarded.
    await run(WARM_UP_SECONDS, null);
    if (failures > 0) throw new Error(`${failures} saves failed while warming up`);
    conflicts = 0;
    await server('start');
    const result =
      pattern === 'spread'
        ? await spreadSaves(address, slots, bodyOf, answered)
        : await run(
            SECONDS,
            pattern === 'paced' ? SAVES_PER_SECOND : pattern === 'brisk' ? 2 * SAVES_PER_SECOND : null,
          );
    if (failures > 0) throw new Error(`${failures} saves failed`);
    const inServer = await server('stop');
    const durations = inServer.durations.sort((a, b) => a - b);
    const at = (q: number) =>
      Math.round(durations[Math.min(durations.length - 1, Math.floor(q * durations.length))]! * 10) / 10;
    return {
      name: pattern === 'paced' ? 'round-save-cell-api-sqlite' : `round-save-cell-api-sqlite-${pattern}`,
      ms: result.latency.p50,
      p99_ms: result.latency.p99,
      connections: CONNECTIONS,
      requests: result.requests.total,
      conflicts,
      rps: Math.round(result.requests.average),
      seconds: SECONDS,
      // Inside the server, whatever the load generator adds: p50 and p99 from a request's arrival to the end
      // of its response, and the CPU time per request (saves and refusals).
      server_p50_ms: at(0.5),
      server_p99_ms: at(0.99),
      server_cpu_ms_per_request: Math.round(inServer.cpuMicros / durations.length) / 1000,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    drop();
  }
}

/**
 * The reporters of the paced run at the same pace, each starting at its own moment (evenly spread over its
 * interval) instead of all together as autocannon's timers fire: not the bar's measurement, but what a
 * reporter waits when the same saves do not arrive in bursts of 50. Each reporter sends its next save
 * at its next tick, or at once when the last answer came late. Latency from sending to the whole answer.
 */
async function spreadSaves(
  address: string,
  slots: readonly Slot[],
  bodyOf: (slot: Slot) => string,
  answered: (slot: Slot, status: number, body: string) => void,
): Promise<AutocannonResult> {
  const interval = (1000 * slots.length) / SAVES_PER_SECOND;
  const latencies: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
  await Promise.all(
    slots.map(async (slot, i) => {
      let due = performance.now() + (i * interval) / slots.length;
      for (;;) {
        await sleep(due - performance.now());
        if (performance.now() >= end) return;
        slot.n++;
        const sent = performance.now();
        const response = await fetch(`${address}/api/rounds/anqing-2024/cells`, {
          method: 'PUT',
          headers: {
            'content-type': 'application/json',
            cookie: slot.cookie,
            'x-csrf-token': slot.csrfToken,
          },
          body: bodyOf(slot),
        });
        const text = await response.text();
        latencies.push(performance.now() - sent);
        answered(slot, response.status, text);
        due += interval;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.floor(q * (latencies.length - 1))]!);
  return {
    latency: { p50: at(0.5), p99: at(0.99) },
    requests: { total: latencies.length, average: latencies.length / SECONDS },
    non2xx: 0,
  };
}

/** 50 reporters each saving a cell a second: the bar (p99 ≤ 30 ms). */
const roundSaveCellPaced = () => roundSaveCellApi('paced');
/** The same reporters saving every half second (information). */
const roundSaveCellBrisk = () => roundSaveCellApi('brisk');
/** The same reporters saving back to back: the server's throughput (rps) and the queueing it causes. */
const roundSaveCellSaturated = () => roundSaveCellApi('saturated');
/** The paced reporters with their saves spread over time instead of in bursts (information, not the bar). */
const roundSaveCellSpread = () => roundSaveCellApi('spread');

export const roundBenchmarks = [
  roundUploadXlsx,
  roundSaveCellPaced,
  roundSaveCellBrisk,
  roundSaveCellSaturated,
  roundSaveCellSpread,
];
