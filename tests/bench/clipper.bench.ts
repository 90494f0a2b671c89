// clipper2-wasm's package.json points its types at a file it does not ship; they live one folder up.
// @ts-expect-error -- no declaration at the advertised path
import Clipper2ZFactory from 'clipper2-wasm/dist/es/clipper2z.js';
import type { MainModule } from '../../node_modules/clipper2-wasm/dist/clipper2z.d.ts';
import { Clipper, FillRule } from 'clipper2-ts';
import type { Paths64 } from 'clipper2-ts';
import { buildEngine } from '../../src/analysis/engine.ts';
import { withDefaults } from '../../src/analysis/settings.ts';
import type { InputLayers } from '../../src/analysis/types.ts';
import { fmtMs, progress, time } from './stats.ts';
import type { Row } from './stats.ts';

/**
 * The engine's dominant operation, the per-tile union of one kind of coverage, run on the real tiles by
 * both engines: clipper2-ts (what the analysis uses: synchronous, pure TypeScript, loads anywhere) and
 * clipper2-wasm (needs async start-up and a .wasm asset in the worker; its time includes converting paths
 * in and out, which an engine built on it would pay too).
 */
export async function benchClipper(layers: InputLayers): Promise<Row[]> {
  const state = buildEngine(layers, withDefaults({}));
  const groups: Paths64[] = [];
  for (const tile of state.tiles) {
    for (const kind of ['fibre', 'mbb'] as const) {
      const parts: Paths64 = [];
      for (const s of tile.shapes[kind]) parts.push(...Clipper.rectClip(tile.region, s.paths()));
      if (parts.length > 1) groups.push(parts);
    }
  }
  const ts = time(() => {
    let v = 0;
    for (const g of groups) v += Clipper.union(g, FillRule.NonZero).length;
    return v;
  });
  const wasm = await (Clipper2ZFactory as () => Promise<MainModule>)();
  const wasmRun = time(() => {
    let v = 0;
    for (const g of groups) {
      const paths = new wasm.Paths64();
      for (const p of g) {
        const flat: number[] = [];
        for (const pt of p) flat.push(pt.x, pt.y);
        const path = wasm.MakePath64(flat);
        paths.push_back(path);
        path.delete();
      }
      const empty = new wasm.Paths64();
      const out = wasm.Union64(paths, empty, wasm.FillRule.NonZero);
      for (let i = 0; i < out.size(); i++) {
        const path = out.get(i);
        v += path.view().length > 0 ? 1 : 0;
        path.delete();
      }
      out.delete();
      paths.delete();
      empty.delete();
    }
    return v;
  });
  const n = groups.length;
  return [
    progress({
      section: 'clipping',
      measure: `clipper2-ts: ${n} tile unions`,
      value: fmtMs(ts.ms),
      note: `CPU ${fmtMs(ts.cpuMs)}`,
    }),
    progress({
      section: 'clipping',
      measure: `clipper2-wasm: same unions`,
      value: fmtMs(wasmRun.ms),
      note: `CPU ${fmtMs(wasmRun.cpuMs)}; incl. conversion; wasm runs ${(ts.cpuMs / wasmRun.cpuMs).toFixed(2)}× the speed of ts`,
    }),
  ];
}
