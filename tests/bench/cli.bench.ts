import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmtMs, median, progress } from './stats.ts';
import type { Row } from './stats.ts';

const BIN = join(process.cwd(), 'dist-cli', 'vungtrang.mjs');
const GEODATA = join(process.cwd(), 'geodata');

/** CPU time of this process's finished children so far (Linux /proc: cutime + cstime), ms; null elsewhere. */
function childrenCpuMs(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    // Fields 16 and 17 of stat(5), counted from the state field (3): clock ticks, 100 per second on Linux.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

function timeProcess(args: string[]): { ms: number; cpuMs: number | null; code: number | null } {
  const cpu = childrenCpuMs();
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { stdio: 'ignore' });
  const ms = performance.now() - t;
  const after = childrenCpuMs();
  return { ms, cpuMs: cpu === null || after === null ? null : after - cpu, code: r.status };
}

/**
 * The CLI as a user runs it: `node dist-cli/vungtrang.mjs analyze` on the shipped sample, the whole
 * process from start-up to exit (reading, analysis, writing), median of `runs`, beside the engine alone
 * in a fresh process (`engineColdMs`, the engine section's cold row). Also `--help` alone: the start-up.
 */
export function benchCli(runs: number, engineColdMs: number): Row[] {
  if (!existsSync(BIN) || !existsSync(join(GEODATA, 'hamlets.geojson'))) {
    console.log(
      '(cli skipped: needs dist-cli/vungtrang.mjs (npm run build:cli) and geodata/hamlets.geojson)',
    );
    return [];
  }
  const layers = ['hamlets', 'fibre', 'sites', 'coverage', 'facilities', 'households'].flatMap((n) =>
    existsSync(join(GEODATA, `${n}.geojson`)) ? [`--${n}`, join(GEODATA, `${n}.geojson`)] : [],
  );
  const dir = mkdtempSync(join(tmpdir(), 'vt-bench-cli-'));
  const startUp: number[] = [];
  const wall: number[] = [];
  const cpu: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      startUp.push(timeProcess(['--help']).ms);
      const r = timeProcess(['analyze', ...layers, '--out', join(dir, `run-${i}`), '--quiet']);
      if (r.code !== 0) throw new Error(`vungtrang analyze exited ${r.code} on the sample`);
      wall.push(r.ms);
      if (r.cpuMs !== null) cpu.push(r.cpuMs);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const cpuNote = cpu.length ? `, CPU ${fmtMs(median(cpu))}` : '';
  return [
    progress({
      section: 'cli',
      measure: 'vungtrang analyze on the sample, whole process (start-up to exit)',
      value: fmtMs(median(wall)),
      note: `median of ${runs}${cpuNote}; the engine alone, cold: ${fmtMs(engineColdMs)}; each ${wall.map((w) => w.toFixed(0)).join(', ')} ms`,
    }),
    progress({
      section: 'cli',
      measure: 'vungtrang --help (start-up alone)',
      value: fmtMs(median(startUp)),
      note: `median of ${runs}`,
    }),
  ];
}
