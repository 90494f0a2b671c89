import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { buildSample } from './buildSample.ts';
import { networkStats, versionChange } from './engineSummary.ts';
import type { SyntheticFibre } from './fibre.ts';
import { approximateGaps } from './gapCheck.ts';
import type { SyntheticHamlet } from './hamlets.ts';
import { marketCheck } from './marketCheck.ts';
import { measuredCheck } from './measuredCheck.ts';
import { splitHamlets, type UnitAssignment } from '../../src/analysis/units.ts';

const splitCount = (a: UnitAssignment): number => splitHamlets(a).length;
import type { SyntheticSite } from './sites.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `npm run geodata`: writes every file of the sample under geodata/ and prints what it holds. */
function main(): void {
  const started = Date.now();
  const { files, sample, layers, runs, measured, units } = buildSample();
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const manifest = JSON.parse(files.get('manifest.json') ?? '{}') as {
    files: { file: string; features: number; bytes: number }[];
    versions: { folder: string; files: { file: string; features: number; bytes: number }[] }[];
    measured: { file: string; rows: number; bytes: number }[];
    unitSplits: { agreeWithCrosswalk: number };
  };
  const hamlets = layers.get('hamlets.geojson') as FeatureCollection<
    SyntheticHamlet['geometry'],
    SyntheticHamlet['properties']
  >;
  const fibre = (layers.get('fibre.geojson') as FeatureCollection).features as SyntheticFibre[];
  const sites = (layers.get('sites.geojson') as FeatureCollection).features as SyntheticSite[];
  const latest = runs[runs.length - 1];
  if (!latest) throw new Error('no engine run');

  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
  for (const f of manifest.files)
    console.log(`${f.file.padEnd(28)} ${String(f.features).padStart(5)} features ${mb(f.bytes)}`);
  for (const v of manifest.versions.slice(0, -1))
    for (const f of v.files)
      console.log(
        `${`${v.folder}/${f.file}`.padEnd(28)} ${String(f.features).padStart(5)} features ${mb(f.bytes)}`,
      );
  for (const f of manifest.measured)
    console.log(`${f.file.padEnd(28)} ${String(f.rows).padStart(5)} rows     ${mb(f.bytes)}`);

  const gaps = approximateGaps(sample.hamlets, sample.fibre, sample.sites);
  const pct = (n: number, of = gaps.hamlets) => `${((100 * n) / of).toFixed(1)} %`;
  console.log(
    `approximate check: served ${pct(gaps.served)}, partial ${pct(gaps.partial)}, unserved ${pct(gaps.unserved)} ` +
      `(white ${pct(gaps.unservedWhite)}), no fibre ${pct(gaps.noFibre)}, no MBB ${pct(gaps.noMbb)}`,
  );
  console.log('unserved by district:', gaps.unservedByDistrict);

  const stats = runs.map((v) => networkStats(v.date, v.result));
  for (const s of stats)
    console.log(
      `engine ${s.date}: served ${s.served}, partial ${s.partial}, unserved ${s.unserved} hamlets; ` +
        `households with broadband ${Math.round(s.broadbandHouseholds)} (${pct(s.broadbandHouseholds, s.households)}), ` +
        `fibre ${pct(s.fibreHouseholds, s.households)}, MBB ${pct(s.mbbHouseholds, s.households)}, ` +
        `white ${Math.round(s.whiteHouseholds)}, weak ${Math.round(s.weakHouseholds)}`,
    );
  for (let i = 1; i < runs.length; i++) {
    const c = versionChange(runs[i - 1] as (typeof runs)[number], runs[i] as (typeof runs)[number]);
    console.log(
      `engine ${c.from} → ${c.to}: ${c.hamletsGaining} hamlets gain status, ${c.hamletsLosing} lose; ` +
        `${Math.round(c.householdsNewlyCovered)} households newly covered, ${Math.round(c.householdsLosingCover)} lose cover`,
    );
  }

  const market = marketCheck(hamlets.features, fibre, sites, 50);
  const shares = (m: { white: number; grey: number; black: number }) =>
    `white ${(100 * m.white).toFixed(1)} %, grey ${(100 * m.grey).toFixed(1)} %, black ${(100 * m.black).toFixed(1)} %`;
  console.log(
    `market (households, ${market.spacingM} m grid, ${market.points} points): MBB ${shares(market.households.mbb)}; fibre ${shares(market.households.fibre)}`,
  );
  console.log(`market (area): MBB ${shares(market.area.mbb)}; fibre ${shares(market.area.fibre)}`);
  for (const [op, v] of Object.entries(market.byOperator).sort())
    console.log(
      `  ${op.padEnd(13)} MBB ${Math.round(v.mbbHouseholds)} households, fibre ${Math.round(v.fibreHouseholds)}`,
    );

  const check = measuredCheck(
    hamlets.features,
    latest.result.hamlets,
    fibre,
    measured.mobileTiles,
    measured.fixedTiles,
    measured.points,
  );
  const m = check.mobile;
  console.log(
    `measured mobile: ${m.tiles} tiles, ${m.tests} tests; ${m.hamletsWithData} hamlets with ≥ 5 weighted tests, ` +
      `${m.servedWithData} of them served for MBB (mean ${m.servedMeanDownMbps.toFixed(1)} Mb/s), ` +
      `${m.servedFailing.length} failing (${m.servedFailingEither.length} with "down < 5 or up < 1"; planted ${measured.overstated.length}); ` +
      `${m.whiteWithData} modelled white with data, ${m.whiteGood.length} measuring ≥ 40 Mb/s (planted ${measured.unmodelled.length})`,
  );
  console.log(
    `measured fixed: ${check.fixed.tiles} tiles, ${check.fixed.tests} tests, ${pct(check.fixed.testsNearFibreShare, 1)} of tests ` +
      `near access fibre, ${pct(check.fixed.tiles100to300Share, 1)} of tiles at 100–300 Mb/s`,
  );
  const pts = check.points;
  console.log(
    `measured points: ${pts.total} (${pts.ok} ok, ${pts.noService} no service; no service in white/weak zones ` +
      `${pct(pts.noServiceInGapShare, 1)}, elsewhere ${pct(pts.noServiceElsewhereShare, 1)}) by tech ${JSON.stringify(pts.byTech)}`,
  );
  const byMethod = (m: string) => units.hamlets.filter((h) => h.method === m).length;
  const agree = manifest.unitSplits.agreeWithCrosswalk;
  console.log(
    `units 2025: ${units.units.length} units; hamlets by overlap ${byMethod('overlap')}, by crosswalk ${byMethod('crosswalk')}, ` +
      `nearest ${byMethod('nearest')}, none ${byMethod('none')}; split (≥ 1 % elsewhere) ${splitCount(units)}; ` +
      `unit agrees with the crosswalk of the hamlet's 2020–2024 commune for ${agree} of ${units.hamlets.length}`,
  );
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
