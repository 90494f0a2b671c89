import { stat } from 'node:fs/promises';
import { colocationCandidates, type ColocationCandidate } from '../analysis/colocation.ts';
import type { EngineState } from '../analysis/engine.ts';
import {
  challengesCsv,
  hamletFeatureTexts,
  operatorsCsvChunks,
  rankingCsvChunks,
  sharingCsv,
  summaryCsv,
  summaryJson,
  zoneFeatures,
} from '../analysis/exports.ts';
import { featureCollectionChunks } from '../analysis/jsonText.ts';
import {
  compactReach,
  REACH_KEYS,
  ReachCollector,
  reachListTexts,
  type CompactReach,
} from '../analysis/networkReach.ts';
import { operatorsInLayers } from '../analysis/operatorNames.ts';
import { withDefaults } from '../analysis/settings.ts';
import { computeSummary, type ProvinceIdentity } from '../analysis/rollups.ts';
import type { AnalysisResult, InputLayers, Settings } from '../analysis/types.ts';
import type { HamletUnit } from '../analysis/units.ts';
import { flagHelp, parseFlags, type FlagTable } from './args.ts';
import { CliError, EXIT_CODES_HELP, EXIT_USAGE } from './errors.ts';
import type { Command, CliIO } from './command.ts';
import { checkOutputDir, writeOutputs } from './output.ts';
import { progressReporter } from './progress.ts';
import {
  loadLayers,
  readInputBytes,
  readLayer,
  readLayers,
  type InputRole,
  type ReadOptions,
} from './readLayers.ts';
import {
  readScenarioRun,
  readScenarioText,
  SCENARIO_OUTPUT_FILES,
  scenarioRun,
  type ScenarioRun,
} from './scenario.ts';
import { resolveSettings } from './settingsFile.ts';
import { analyzeHere, analyzeInThreads, threadCount, type ThreadJob } from './threads.ts';
import { readUnitsRun, UNITS_OUTPUT_FILES, unitsOutputs, type UnitsRun } from './units.ts';

export const OUTPUT_FILES = [
  'hamlets.geojson',
  'white-zones.geojson',
  'weak-zones.geojson',
  'ranking.csv',
  'summary.json',
  'summary.csv',
  'operators.csv',
] as const;

/** What `--operator` adds. */
export const OPERATOR_OUTPUT_FILES = ['sharing.csv'] as const;
/** Written when a speed-test or field-report layer is given. */
export const MEASURED_OUTPUT_FILES = ['challenges.csv'] as const;

const LAYER_FLAGS: Record<InputRole, string> = {
  hamlets: 'hamlet polygons with id and name (required)',
  fibre: 'fibre routes and nodes (access or backbone)',
  sites: 'mobile sites (points with tech, radius_m)',
  coverage: 'operator coverage polygons (tech, level)',
  facilities: 'schools, health stations, commune offices (points with kind)',
  households: 'household points (count), for exact counts',
  mobileTests:
    'speed-test tiles of mobile tests (quadkey or WKT tile, avg_d_kbps, avg_u_kbps, avg_lat_ms, tests)',
  fixedTests: 'speed-test tiles of fixed-line tests, the same layout',
  speedPoints: 'speed-test points (lon, lat, download_mbps, upload_mbps, latency_ms, tech, result)',
  fieldReports: 'field reports recorded in the app (GeoJSON points with result no_signal/weak/ok)',
};

/** A layer's flag: its role in kebab case (`mobileTests` → `--mobile-tests`). */
const flagOf = (role: string): string => role.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const FLAGS: FlagTable = {
  ...Object.fromEntries(
    Object.entries(LAYER_FLAGS).map(([name, help]) => [
      flagOf(name),
      { type: 'string', value: 'FILE', help },
    ]),
  ),
  province: { type: 'string', value: 'FILE', help: 'province boundary; its code and name label the summary' },
  units: {
    type: 'string',
    value: 'FILE',
    help: 'administrative units (polygons with code, name): each hamlet goes to the unit holding most of it; the summary is by unit',
  },
  crs: {
    type: 'string',
    value: 'CODE',
    help: 'coordinate system of files that name none, e.g. VN2000-TM3-105.5, VN2000-UTM48N',
  },
  'fibre-radius': {
    type: 'string',
    value: 'METRES',
    help: 'reach of fibre service from a route (default 500)',
  },
  preset: { type: 'string', value: 'NAME', help: 'ranking weights: equity (default) or commercial' },
  settings: { type: 'string', value: 'FILE', help: 'settings JSON (thresholds, radii, weights, costs)' },
  scenario: {
    type: 'string',
    value: 'FILE',
    help: 'proposals GeoJSON (new sites, fibre, sites with status "off"): adds delta.json',
  },
  operator: {
    type: 'string',
    value: 'NAME',
    help: "one operator's lens: its gap columns, and sharing.csv (its tower-sharing candidates)",
  },
  out: {
    type: 'string',
    value: 'DIR',
    help: 'output directory; created if missing; only the files named below are replaced',
  },
  threads: {
    type: 'string',
    value: 'N',
    help: 'threads for the analysis (default: the cores on a machine of 3 or more, for a hamlets file of 16 MB or more; else 1; with --operator, 1)',
  },
  quiet: { type: 'boolean', short: 'q', help: 'no progress or summary lines' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
};

const USAGE = `Usage: vungtrang analyze --hamlets FILE [layers…] [options] --out DIR

Finds white (no broadband) and weak (legacy only) zones in every hamlet, rolls them up by commune,
district and province, and ranks the hamlets that are not served for investment.
Files: GeoJSON, zipped Shapefiles (reprojected from their .prj, VN-2000 included), KML/KMZ, CSV of sites
(lon/lat columns).

${flagHelp(FLAGS)}

Writes to DIR: ${OUTPUT_FILES.join(', ')}; with --scenario also ${SCENARIO_OUTPUT_FILES.join(', ')};
with --units also ${UNITS_OUTPUT_FILES.join(', ')}, and unit_code, unit_name, unit_overlap_share on every hamlet
(hamlets.geojson, ranking.csv). Without --units the hamlets' own commune and district are used.
With --operator also ${OPERATOR_OUTPUT_FILES.join(', ')}. With speed tests or field reports also
${MEASURED_OUTPUT_FILES.join(', ')} (hamlets where model and measurements disagree), and their figures per
hamlet in hamlets.geojson and ranking.csv.
Other files in DIR are left alone; no input may lie inside DIR.
CSV files are UTF-8 with a BOM (Excel opens them with Vietnamese intact). Flags override --settings.

${EXIT_CODES_HELP}`;

export const analyzeCommand: Command = {
  summary: 'analyse coverage, rank hamlets and write the results',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const v = parseFlags('analyze', argv, FLAGS);
    if (v.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const str = (name: string): string | undefined =>
      typeof v[name] === 'string' ? (v[name] as string) : undefined;
    const hamlets = str('hamlets');
    const outArg = str('out');
    if (!hamlets || !outArg) {
      const missing = [!hamlets && '--hamlets FILE', !outArg && '--out DIR'].filter(Boolean).join(' and ');
      throw new CliError(
        `vungtrang analyze: ${missing} required. Run "vungtrang analyze --help".`,
        EXIT_USAGE,
      );
    }
    const threadsFlag = str('threads');
    // A wrong --threads is a usage error before any work; without it, the hamlets file's size decides.
    if (threadsFlag !== undefined) threadCount(threadsFlag, 0);
    const settings = await resolveSettings({
      settingsPath: str('settings'),
      preset: str('preset'),
      fibreRadius: str('fibre-radius'),
    });
    const paths = Object.fromEntries(
      (Object.keys(LAYER_FLAGS) as InputRole[]).flatMap((role) => {
        const path = str(flagOf(role));
        return path ? [[role, path]] : [];
      }),
    ) as Partial<Record<InputRole, string>>;
    const operator = str('operator');
    // A lens's tower-sharing candidates read every hamlet's operator geometry, which stays in the thread
    // that computed it: `--operator` runs on one thread.
    const threads = operator === undefined ? threadCount(threadsFlag, await fileSize(hamlets)) : 1;
    const inputs = [...Object.values(paths), str('province'), str('settings'), str('scenario'), str('units')];
    const out = await checkOutputDir(
      outArg,
      [
        ...OUTPUT_FILES,
        ...SCENARIO_OUTPUT_FILES,
        ...UNITS_OUTPUT_FILES,
        ...OPERATOR_OUTPUT_FILES,
        ...MEASURED_OUTPUT_FILES,
      ],
      inputs.filter((p): p is string => p !== undefined),
    );

    const log = (line: string): void => {
      if (!v.quiet) io.stderr.write(`${line}\n`);
    };
    const warn = (line: string): void => void io.stderr.write(`warning: ${line}\n`);
    log(`Reading ${Object.values(paths).join(', ')}…`);
    const read = { warn, ...(str('crs') ? { crs: str('crs') } : {}) };
    const provincePath = str('province');
    const unitsPath = str('units');
    const scenarioPath = str('scenario');
    // Several threads load the layers from the same bytes, read once here.
    const job = threads > 1 ? await threadJob(paths, read.crs, settings, scenarioPath) : null;
    const loaded: {
      layers?: InputLayers;
      scenario?: ScenarioRun;
      province?: ProvinceIdentity | null;
      units?: UnitsRun;
      /** The layers analysed: with the scenario applied, if any. */
      analysed?: InputLayers;
    } = {};
    let started = 0;
    const load = async (): Promise<InputLayers> => {
      const layers = job ? await loadLayers(paths, job.bytes, read) : await readLayers(paths, read);
      // The threads have their own copy of the bytes (made as they started); only a second run, without
      // the scenario, would start threads again.
      if (job && !scenarioPath) job.bytes = {};
      loaded.layers = layers;
      loaded.province = provincePath
        ? await provinceFromFile(provincePath, read)
        : provinceFromHamlets(layers.hamlets);
      if (unitsPath) loaded.units = await readUnitsRun(unitsPath, layers.hamlets, read);
      if (scenarioPath) {
        loaded.scenario = job?.scenario
          ? scenarioRun(scenarioPath, job.scenario.text, layers, settings)
          : await readScenarioRun(scenarioPath, layers, settings);
      }
      const analysed = loaded.scenario?.layers ?? layers;
      if (operator !== undefined) checkOperator(operator, analysed);
      loaded.analysed = analysed;
      // Preparing the engine comes before the first hamlet's progress: at national size, seconds.
      log(`Analysing ${analysed.hamlets.features.length} hamlets…`);
      started = performance.now();
      return analysed;
    };

    const progress = progressReporter(v.quiet ? { write: () => true } : io.stderr);
    let result: AnalysisResult;
    let sharing: ColocationCandidate[] | null = null;
    let reach: CompactReach;
    let hamletIndex: Map<string, number>;
    try {
      const full = withDefaults(settings);
      let state: EngineState;
      // One thread collects what reaches each hamlet as it goes; several leave it to this one after.
      const collected = job ? null : new ReachCollector();
      if (job) ({ result, state } = await analyzeInThreads(job, threads, load, progress.onProgress));
      else
        ({ result, state } = analyzeHere(
          await load(),
          full,
          operator !== undefined,
          progress.onProgress,
          collected ?? undefined,
        ));
      const analysed = loaded.analysed as InputLayers;
      if (operator !== undefined)
        sharing = colocationCandidates(state, analysed.sites?.features ?? [], operator).candidates;
      // What reaches each hamlet, so that `vungtrang compare` can name the cause of a change.
      reach = collected ? collected.finish(state) : compactReach(state);
      hamletIndex = new Map(state.hamlets.map((h, i) => [h.id, i]));
    } catch (e) {
      // The engine's input errors are all about hamlet features but cannot know the file they came from.
      if (e instanceof Error && e.name === 'AnalysisInputError')
        throw new CliError(`${hamlets}: ${e.message}`);
      throw e;
    } finally {
      progress.done();
    }
    const ms = performance.now() - started;
    const { scenario, units } = loaded;
    const province = loaded.province ?? null;
    const layers = loaded.layers as InputLayers;
    if (province)
      result = { ...result, summary: computeSummary(result.hamlets, result.summary.settings, province) };
    const byUnit = units ? unitsOutputs(units, result, province) : null;
    if (byUnit) result = byUnit.result;
    for (const w of result.warnings) warn(w);

    // The layers without the scenario, for the delta: on as many threads.
    const before =
      scenario && job
        ? (await analyzeInThreads({ ...job, scenario: undefined }, threads, async () => layers)).result
        : undefined;
    const extra = scenario?.outputs(result, before);
    const lens: Record<string, string> = sharing ? { 'sharing.csv': sharingCsv(sharing) } : {};
    const measured: Record<string, string> = result.measured
      ? { 'challenges.csv': challengesCsv(result) }
      : {};
    // From here on only the hamlets are read: let the other layers go before the largest files are written.
    for (const l of new Set([layers, loaded.analysed]))
      for (const role of Object.keys(l ?? {}) as (keyof InputLayers)[])
        if (role !== 'hamlets') delete l?.[role];
    log(`Writing ${outArg}/…`);
    const stale = await writeOutputs(out, {
      ...outputs(result, layers.hamlets, { reach, hamletIndex }, units?.byId, operator),
      ...extra?.files,
      ...byUnit?.files,
      ...lens,
      ...measured,
    });
    if (stale.length > 0)
      warn(
        `${outArg}: ${stale.join(', ')} ${stale.length === 1 ? 'is' : 'are'} from an earlier run; left as ${stale.length === 1 ? 'it was' : 'they were'}.`,
      );
    if (extra) log(extra.line);
    if (operator !== undefined && sharing) log(operatorLine(operator, result, sharing));
    if (result.measured) {
      const c = result.measured.challenges;
      const over = c.filter((x) => x.direction === 'over').length;
      log(
        `Challenge list: ${c.length} hamlets (${over} modelled served where measurements fail, ${c.length - over} modelled without 4G/5G where they are good).`,
      );
    }
    const st = result.summary.province.hamletsByStatus;
    const written = [
      OUTPUT_FILES,
      extra ? SCENARIO_OUTPUT_FILES : [],
      byUnit ? UNITS_OUTPUT_FILES : [],
      sharing ? OPERATOR_OUTPUT_FILES : [],
      result.measured ? MEASURED_OUTPUT_FILES : [],
    ];
    log(
      `Analysed ${result.hamlets.length} hamlets in ${Math.round(ms)} ms: ${st.unserved} unserved, ` +
        `${st.partial} partial, ${st.served} served; ${result.ranking.length} ranked. Wrote ${outArg}/ (${written.flat().length} files).`,
    );
    return 0;
  },
};

/** The files of a run: the big ones as chunks, written as they are made (src/cli/output.ts). */
function outputs(
  result: AnalysisResult,
  hamletsIn: InputLayers['hamlets'],
  { reach, hamletIndex }: { reach: CompactReach; hamletIndex: ReadonlyMap<string, number> },
  units: ReadonlyMap<string, HamletUnit> | undefined,
  operator: string | undefined,
): Record<(typeof OUTPUT_FILES)[number], string | Iterable<string>> {
  const opts = { ...(units ? { units } : {}), ...(operator === undefined ? {} : { operator }) };
  // What reaches each hamlet, after its results.
  const names = reach.names.map((n) => JSON.stringify(n));
  const more = {
    keys: REACH_KEYS,
    values: (id: string) => reachListTexts(reach, hamletIndex.get(id) as number, names),
  };
  const zones = (kind: 'white' | 'weak'): Generator<string> =>
    featureCollectionChunks(map(zoneFeatures(result, kind), (f) => JSON.stringify(f)));
  return {
    'hamlets.geojson': featureCollectionChunks(hamletFeatureTexts(result, hamletsIn, opts, more)),
    'white-zones.geojson': zones('white'),
    'weak-zones.geojson': zones('weak'),
    'ranking.csv': rankingCsvChunks(result, hamletsIn, opts),
    'summary.json': summaryJson(result.summary),
    'summary.csv': summaryCsv(result.summary, 'all'),
    'operators.csv': operatorsCsvChunks(result),
  };
}

function* map<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const x of items) yield f(x);
}

/** `--operator` must name an operator of the sites, coverage or fibre read (exactly, case included). */
function checkOperator(name: string, layers: InputLayers): void {
  const found = operatorsInLayers(layers);
  if (found.includes(name)) return;
  const close = found.find((o) => o.toLowerCase() === name.trim().toLowerCase());
  throw new CliError(
    `--operator "${name}" is not an operator of the layers read. ` +
      (found.length === 0
        ? 'No sites, coverage or fibre were given: add --sites (with an operator column).'
        : `Operators found: ${found.map((o) => `"${o}"`).join(', ')}.` +
          (close ? ` Did you mean "${close}"? Names are matched exactly.` : '')),
    EXIT_USAGE,
  );
}

/** One line for the terminal: the operator's gap and its best tower-sharing candidate. */
function operatorLine(operator: string, result: AnalysisResult, sharing: ColocationCandidate[]): string {
  const n = (x: number): string => Math.round(x).toLocaleString('en-US');
  const p = result.summary.province;
  const own = p.operators.find((o) => o.operator === operator);
  const gap = p.households - (own?.mbbHouseholds ?? 0);
  const best = sharing[0];
  return (
    `${operator}: MBB for ${n(own?.mbbHouseholds ?? 0)} of ${n(p.households)} households; gap ${n(gap)} ` +
    `(${n(Math.max(0, p.mbbHouseholds - (own?.mbbHouseholds ?? 0)))} where only competitors cover, ` +
    `${n(p.marketHouseholds[0])} where no operator does); ${sharing.length} tower-sharing candidates` +
    (best ? `, best ${best.siteId} (${best.ownerOperator}) +${n(best.householdsGained)} households.` : '.')
  );
}

async function provinceFromFile(path: string, read: ReadOptions): Promise<ProvinceIdentity> {
  const props = (await readLayer(path, 'province', read)).features[0]?.properties ?? {};
  const name = props.name ?? props.ten;
  if (typeof name !== 'string' || !name) {
    throw new CliError(
      `${path} (--province): the first feature has no "name". Add a name property or drop --province.`,
    );
  }
  const code = props.code;
  return { code: typeof code === 'string' || typeof code === 'number' ? String(code) : name, name };
}

/** Hamlets that all carry the same province_code/province name label the summary with it. */
function provinceFromHamlets(fc: InputLayers['hamlets']): ProvinceIdentity | null {
  const first = fc.features[0]?.properties;
  const code = first?.province_code;
  const name = first?.province;
  if (typeof name !== 'string' || !name) return null;
  const same = fc.features.every(
    (f) => f.properties.province === name && f.properties.province_code === code,
  );
  return same ? { code: typeof code === 'string' && code ? code : name, name } : null;
}

/** The bytes of every input (and the proposals' text) for the analysis threads. */
async function threadJob(
  paths: Partial<Record<InputRole, string>>,
  crs: string | undefined,
  settings: Settings,
  scenarioPath: string | undefined,
): Promise<ThreadJob> {
  const job: ThreadJob = { paths, bytes: await readInputBytes(paths), settings };
  if (crs) job.crs = crs;
  if (scenarioPath) job.scenario = { path: scenarioPath, text: await readScenarioText(scenarioPath) };
  return job;
}

/** Bytes in the file, or 0 when it cannot be read (reading it says why). */
async function fileSize(path: string): Promise<number> {
  return stat(path).then(
    (s) => s.size,
    () => 0,
  );
}
