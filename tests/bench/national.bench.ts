import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputLayers } from '../../src/analysis/types.ts';
import { tileProvince } from './data.ts';
import { fmtMs, median, progress } from './stats.ts';
import type { Row } from './stats.ts';

const BIN = join(process.cwd(), 'dist-cli', 'vungtrang.mjs');
const ROLES = ['hamlets', 'fibre', 'sites', 'coverage', 'facilities', 'households'] as const;

/**
 * Loaded into the CLI's process (`node --import`): on exit, the whole process's peak RSS and CPU time,
 * every thread included, as the last line of stderr.
 */
const REPORT =
  'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();' +
  'process.stderr.write(`\\nvt-bench ${u.maxRSS} ${u.userCPUTime+u.systemCPUTime}\\n`)})';

interface Run {
  ms: number;
  cpuMs: number;
  peakMb: number;
}

function runCli(dir: string, out: string, threads: number): Run {
  const layers = ROLES.flatMap((r) =>
    existsSync(join(dir, `${r}.geojson`)) ? [`--${r}`, join(dir, `${r}.geojson`)] : [],
  );
  const t = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', REPORT, BIN, 'analyze', ...layers, '--out', out, '--threads', String(threads), '-q'],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`vungtrang analyze exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const m = /vt-bench (\d+) (\d+)\s*$/.exec(r.stderr);
  return { ms, cpuMs: Number(m?.[2] ?? NaN) / 1000, peakMb: Number(m?.[1] ?? NaN) / 1024 };
}

/** The layers as GeoJSON files in `dir`, as a user would hand them to the CLI. */
export function writeSet(layers: InputLayers, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const role of ROLES) {
    const fc = layers[role];
    if (fc) writeFileSync(join(dir, `${role}.geojson`), JSON.stringify(fc));
  }
}

const fmtRun = (r: Run): string => `${fmtMs(r.ms)}, CPU ${fmtMs(r.cpuMs)}, peak ${r.peakMb.toFixed(0)} MB`;

/**
 * National size: `vungtrang analyze` as a whole process (start-up, reading, analysis, writing) on the
 * province repeated 8 × 4 times (32×, ~89,000 hamlets: Vietnam has 80,000–100,000), written to a
 * temporary folder first and removed after, on 1 thread and on every core; each beside the same
 * invocation on the province itself (1×, median of `runs`). Wall time, the process's CPU time (all
 * threads) and its peak RSS.
 */
export function benchNational(layers: InputLayers, runs: number): Row[] {
  if (!existsSync(BIN)) {
    console.log('(national skipped: needs dist-cli/vungtrang.mjs (npm run build:cli))');
    return [];
  }
  const cores = availableParallelism();
  const threads = cores > 1 ? [1, cores] : [1];
  const tmp = mkdtempSync(join(tmpdir(), 'vt-bench-national-'));
  const rows: Row[] = [];
  try {
    const one = join(tmp, 'x1');
    const big = join(tmp, 'x32');
    writeSet(layers, one);
    const x32 = tileProvince(layers, 8, 4);
    const size = `${x32.hamlets.features.length} hamlets, ${x32.fibre?.features.length ?? 0} fibre, ${x32.sites?.features.length ?? 0} sites`;
    writeSet(x32, big);
    let single: Run | undefined;
    for (const n of threads) {
      const small: Run[] = [];
      for (let i = 0; i < runs; i++) small.push(runCli(one, join(tmp, `out-1-${n}-${i}`), n));
      const base = {
        ms: median(small.map((r) => r.ms)),
        cpuMs: median(small.map((r) => r.cpuMs)),
        peakMb: median(small.map((r) => r.peakMb)),
      };
      const r = runCli(big, join(tmp, `out-32-${n}`), n);
      single ??= r;
      const speedUp = n > 1 ? `; ${(single.ms / r.ms).toFixed(2)}× the speed of 1 thread` : '';
      rows.push(
        progress({
          section: 'national',
          measure: `vungtrang analyze 32× (${size}), --threads ${n}`,
          value: fmtMs(r.ms),
          note: `CPU ${fmtMs(r.cpuMs)}, peak RSS ${r.peakMb.toFixed(0)} MB${speedUp}; 1× (median of ${runs}): ${fmtRun(base)}; targets ≤ 12 s and ≤ 2.5 GB on 1 thread`,
        }),
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}
