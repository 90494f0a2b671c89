/** Small helpers shared by the bench sections. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Wall time and this process's CPU time: on a shared, loaded machine the CPU time is the steadier one. */
export function time<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = fn();
  const cpu = process.cpuUsage(c);
  return { ms: performance.now() - t, cpuMs: (cpu.user + cpu.system) / 1000, value };
}

/** Peak resident memory of this process so far, MB (the kernel's high-water mark, not a sample). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export interface Row {
  section: string;
  measure: string;
  value: string;
  note?: string;
}

/** Print a row as soon as it is measured (long sections), then the whole table at the end. */
export function progress(row: Row): Row {
  console.log(`  … ${row.section}: ${row.measure} = ${row.value}${row.note ? ` (${row.note})` : ''}`);
  return row;
}

export function printTable(rows: Row[]): void {
  const cols = ['section', 'measure', 'value', 'note'] as const;
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(width[i] as number)).join(' │ ');
  console.log(line([...cols]));
  console.log(width.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const r of rows) console.log(line(cols.map((c) => r[c] ?? '')));
}

export const fmtMs = (ms: number): string =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`;
