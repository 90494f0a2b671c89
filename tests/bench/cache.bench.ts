import { deserialize, serialize } from 'node:v8';
import { analyze } from '../../src/analysis/analyze.ts';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings.ts';
import type { InputLayers } from '../../src/analysis/types.ts';
import { inputDigest } from '../../src/store/persist/inputDigest.ts';
import { decodeResult, encodeResult } from '../../src/data/resultCodec.ts';
import { tileProvince } from './data.ts';
import { fmtMs, median, progress } from './stats.ts';
import type { Row } from './stats.ts';

async function timed(fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function medianOf(reps: number, fn: () => unknown): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) ms.push(await timed(fn));
  return median(ms);
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * The saved result (resultCodec.ts) at 4× and 16× the province: its bytes and the time to read it back
 * and to write it, beside V8's structured-clone serialisation of the same result (`v8.serialize`, the
 * form IndexedDB keeps an object in); and the SHA-256 of the inputs, computed once when data is saved.
 */
export async function benchResultCache(layers: InputLayers, reps: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [n, label] of [
    [2, '4×'],
    [4, '16×'],
  ] as const) {
    const input = tileProvince(layers, n);
    const result = analyze(input, DEFAULT_SETTINGS);
    const bytes = await encodeResult(result);
    const clone = serialize(result);
    const section = 'result cache';
    const hamlets = `${result.hamlets.length.toLocaleString('en')} hamlets`;
    rows.push(
      progress({
        section,
        measure: `${label} saved result, bytes`,
        value: mb(bytes.byteLength),
        note: `structured clone ${mb(clone.length)} (${(clone.length / bytes.byteLength).toFixed(1)}×); ${hamlets}`,
      }),
    );
    const read = await medianOf(reps, () => decodeResult(bytes));
    const readClone = await medianOf(reps, () => deserialize(clone));
    rows.push(
      progress({
        section,
        measure: `${label} read back (median of ${reps})`,
        value: fmtMs(read),
        note: `structured clone ${fmtMs(readClone)}`,
      }),
    );
    const write = await medianOf(reps, () => encodeResult(result));
    const writeClone = await medianOf(reps, () => serialize(result));
    rows.push(
      progress({
        section,
        measure: `${label} write (median of ${reps})`,
        value: fmtMs(write),
        note: `structured clone ${fmtMs(writeClone)}`,
      }),
    );
    const digest = await timed(() => inputDigest(input));
    rows.push(
      progress({ section, measure: `${label} SHA-256 of the inputs (once per save)`, value: fmtMs(digest) }),
    );
  }
  return rows;
}
