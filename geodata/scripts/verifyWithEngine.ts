import { analyze } from '../../src/analysis/analyze.ts';
import type { InputLayers } from '../../src/analysis/types.ts';
import type { Sample } from './generate.ts';

/**
 * Runs the real analysis engine on a generated sample and prints what share of hamlets it finds served,
 * partial and unserved (white or weak), and where the unserved ones are. It adds a whole analysis of the
 * sample (~1.3 s of CPU for Nam Định) to the build, so only on request: `npm run geodata -- --verify`.
 */
export function verifyWithEngine(sample: Sample): void {
  const layers: InputLayers = {
    hamlets: { type: 'FeatureCollection', features: sample.hamlets },
    fibre: { type: 'FeatureCollection', features: sample.fibre },
    sites: { type: 'FeatureCollection', features: sample.sites },
    facilities: { type: 'FeatureCollection', features: sample.facilities },
  };
  const started = Date.now();
  const result = analyze(layers);
  const n = result.hamlets.length;
  const pct = (k: number) => `${((100 * k) / n).toFixed(1)} %`;
  const count = (f: (h: (typeof result.hamlets)[number]) => boolean) => result.hamlets.filter(f).length;
  const unserved = result.hamlets.filter((h) => h.status === 'unserved');
  const byDistrict: Record<string, number> = {};
  for (const h of unserved) byDistrict[h.district] = (byDistrict[h.district] ?? 0) + 1;
  const p = result.summary.province;
  console.log(
    `engine (${((Date.now() - started) / 1000).toFixed(1)} s): served ${pct(count((h) => h.status === 'served'))}, ` +
      `partial ${pct(count((h) => h.status === 'partial'))}, unserved ${pct(unserved.length)} ` +
      `(mostly white ${pct(unserved.filter((h) => h.classHouseholds.white >= h.classHouseholds.weak).length)}), ` +
      `no fibre ${pct(count((h) => h.flags.noFibre))}, no MBB ${pct(count((h) => h.flags.noMbb))}; households with ` +
      `fibre ${(100 * p.fibreShare).toFixed(1)} %, MBB ${(100 * p.mbbShare).toFixed(1)} %, ` +
      `broadband ${(100 * p.broadbandShare).toFixed(1)} %; warnings ${result.warnings.length}`,
  );
  console.log('engine: unserved by district:', byDistrict);
}
