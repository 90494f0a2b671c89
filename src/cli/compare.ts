import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { adminAreas } from '../analysis/areas.ts';
import { reachFromProperties } from '../analysis/networkReach.ts';
import {
  areaShares,
  isVersionDate,
  progressTrend,
  targetsOf,
  type AreaShares,
} from '../analysis/progress.ts';
import type { ProvinceIdentity } from '../analysis/rollups.ts';
import { withDefaults } from '../analysis/settings.ts';
import type { HamletStatus, Settings } from '../analysis/types.ts';
import { validateSettings } from '../analysis/validateSettings.ts';
import {
  changesCsv,
  compareVersions,
  settingsDifferences,
  type AreaChange,
  type HamletState,
} from '../analysis/versionCompare.ts';
import { flagHelp, parseFlags, type FlagTable } from './args.ts';
import type { Command, CliIO } from './command.ts';
import { CliError, EXIT_CODES_HELP, EXIT_USAGE } from './errors.ts';
import { checkOutputDir, writeOutputs } from './output.ts';

export const COMPARE_OUTPUT_FILES = ['changes.csv', 'progress.json'] as const;

const FLAGS: FlagTable = {
  before: {
    type: 'string',
    value: 'DIR',
    help: 'the earlier version: the --out directory of an analyze run',
  },
  after: { type: 'string', value: 'DIR', help: 'the later version: the --out directory of an analyze run' },
  'before-date': {
    type: 'string',
    value: 'YYYY-MM',
    help: "the earlier version's date; with --after-date, progress.json says on course or behind",
  },
  'after-date': { type: 'string', value: 'YYYY-MM', help: "the later version's date" },
  out: {
    type: 'string',
    value: 'DIR',
    help: 'output directory; created if missing; only the files named below are replaced',
  },
  quiet: { type: 'boolean', short: 'q', help: 'no summary line' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
};

const USAGE = `Usage: vungtrang compare --before DIR --after DIR [--before-date YYYY-MM --after-date YYYY-MM] --out DIR

Compares two analyses of the same hamlets at two dates (the --out directories of two "vungtrang analyze"
runs, e.g. of the network in 2022 and in 2026): the hamlets whose status or broadband households changed,
with the cause (a new site, a site given 4G/5G, new fibre, a site or fibre gone), and per province, district
and commune the shares of hamlets and households with fibre and with 4G/5G in both, the households newly
covered and those that lost cover, and the white and weak area closed.

${flagHelp(FLAGS)}

Writes to DIR: ${COMPARE_OUTPUT_FILES.join(', ')}. Other files in DIR are left alone; no input may lie
inside DIR. changes.csv is UTF-8 with a BOM (Excel opens it with Vietnamese intact).

${EXIT_CODES_HELP}`;

/** One analyze output as the comparison reads it. */
interface AnalysisOutput {
  dir: string;
  states: HamletState[];
  settings: Settings;
  province: ProvinceIdentity;
  /** Whether every hamlet carries the features that reach it (outputs of older versions do not). */
  hasReach: boolean;
}

export const compareCommand: Command = {
  summary: 'compare two analyses of the same hamlets at two dates: changes.csv, progress.json',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const v = parseFlags('compare', argv, FLAGS);
    if (v.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const str = (name: string): string | undefined =>
      typeof v[name] === 'string' ? (v[name] as string) : undefined;
    const beforeDir = str('before');
    const afterDir = str('after');
    const outArg = str('out');
    if (!beforeDir || !afterDir || !outArg) {
      const missing = [!beforeDir && '--before DIR', !afterDir && '--after DIR', !outArg && '--out DIR']
        .filter(Boolean)
        .join(', ');
      throw new CliError(
        `vungtrang compare: ${missing} required. Run "vungtrang compare --help".`,
        EXIT_USAGE,
      );
    }
    const dates = [str('before-date'), str('after-date')];
    for (const [i, d] of dates.entries()) {
      if (d !== undefined && !isVersionDate(d))
        throw new CliError(
          `--${i === 0 ? 'before' : 'after'}-date ${d}: give a month as YYYY-MM, e.g. 2024-12.`,
          EXIT_USAGE,
        );
    }
    if ((dates[0] === undefined) !== (dates[1] === undefined))
      throw new CliError('--before-date and --after-date go together: give both or neither.', EXIT_USAGE);
    const warn = (line: string): void => void io.stderr.write(`warning: ${line}\n`);
    const inputs = [beforeDir, afterDir].flatMap((d) => [
      join(d, 'hamlets.geojson'),
      join(d, 'summary.json'),
    ]);
    const before = await readAnalysis(beforeDir, '--before');
    const after = await readAnalysis(afterDir, '--after');
    const out = await checkOutputDir(outArg, COMPARE_OUTPUT_FILES, inputs);

    for (const o of [before, after]) {
      if (!o.hasReach)
        warn(
          `${o.dir}/hamlets.geojson does not say which sites and fibre reach each hamlet (an output of an older ` +
            'vungtrang): the causes are "unknown". Run analyze again to have them.',
        );
    }
    const differ = settingsDifferences(before.settings, after.settings);
    if (differ.length > 0)
      warn(
        `the two analyses used different settings (${differ.join(', ')}): the changes mix the network's ` +
          "change with the settings'. Analyse both with the same --settings to see the network's alone.",
      );
    const areasOf = adminAreas(after.province);
    const comparison = compareVersions(before.states, after.states, areasOf);
    if (!comparison.ok) {
      const few = (ids: string[]): string =>
        ids.length === 0
          ? 'none'
          : `${ids.length} (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''})`;
      throw new CliError(
        `--before ${beforeDir} and --after ${afterDir} hold different hamlets: only in --before: ` +
          `${few(comparison.onlyBefore)}; only in --after: ${few(comparison.onlyAfter)}. ` +
          'Compare two analyses of the same hamlets (the same ids), e.g. the same hamlets file with the network of two dates.',
      );
    }
    const shares = [areaShares(before.states, areasOf), areaShares(after.states, areasOf)] as const;
    const datesGiven = dates[0] !== undefined && dates[1] !== undefined ? (dates as [string, string]) : null;
    const progress = progressReport(before, after, shares, comparison.areas, differ, datesGiven);
    await writeOutputs(out, {
      'changes.csv': changesCsv(comparison.hamlets),
      'progress.json': JSON.stringify(progress, null, 2) + '\n',
    });
    if (!v.quiet) {
      const p = comparison.areas[0];
      const n = (x: number): string => Math.round(x).toLocaleString('en-US');
      io.stderr.write(
        `Compared ${after.states.length} hamlets: ${comparison.hamlets.length} changed (${p?.hamletsImproved ?? 0} ` +
          `better, ${p?.hamletsWorsened ?? 0} worse); ${n(p?.newlyCoveredHouseholds ?? 0)} households newly covered, ` +
          `${n(p?.lostHouseholds ?? 0)} lost cover. Wrote ${outArg}/ (${COMPARE_OUTPUT_FILES.length} files).\n`,
      );
    }
    return 0;
  },
};

const STATUSES: readonly HamletStatus[] = ['served', 'partial', 'unserved'];

/** Reads hamlets.geojson and summary.json of an analyze output; errors name the file and the fix. */
async function readAnalysis(dir: string, flag: string): Promise<AnalysisOutput> {
  const isDir = await stat(dir).then(
    (s) => s.isDirectory(),
    () => null,
  );
  if (isDir === null)
    throw new CliError(
      `${flag} ${dir}: no such directory. Give the --out directory of a "vungtrang analyze" run.`,
    );
  if (!isDir)
    throw new CliError(`${flag} ${dir} is a file. Give the --out directory of a "vungtrang analyze" run.`);
  const summary = await readJson(join(dir, 'summary.json'), flag, dir);
  const checked = validateSettings(isRecord(summary) ? summary.settings : undefined);
  if (!isRecord(summary) || !isRecord(summary.province) || checked.problems.length > 0) {
    throw new CliError(
      `${join(dir, 'summary.json')} is not the summary "vungtrang analyze" writes (its province or settings ` +
        `cannot be read${checked.problems[0] ? `: ${checked.problems[0].message}` : ''}). Run analyze again into ${dir}.`,
    );
  }
  const province = {
    code: String(summary.province.code ?? 'all'),
    name: String(summary.province.name ?? 'All hamlets'),
  };
  const settings = withDefaults(checked.settings);
  const path = join(dir, 'hamlets.geojson');
  const doc = await readJson(path, flag, dir);
  if (!isRecord(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features))
    throw new CliError(
      `${path} is not a GeoJSON FeatureCollection. Run "vungtrang analyze" again into ${dir}.`,
    );
  let hasReach = true;
  const states = doc.features.map((f: unknown, i: number): HamletState => {
    const p = isRecord(f) && isRecord(f.properties) ? f.properties : {};
    const id = typeof p.id === 'string' || typeof p.id === 'number' ? String(p.id) : '';
    const bad = (what: string): never => {
      throw new CliError(
        `${path}: feature #${i}${id ? ` ("${id}")` : ''} has ${what}; this file was not written by ` +
          `"vungtrang analyze". Run analyze again into ${dir}.`,
      );
    };
    if (!id) bad('no "id"');
    const num = (key: string): number => {
      const x = p[key];
      return typeof x === 'number' && Number.isFinite(x) ? x : bad(`no number "${key}"`);
    };
    const status = STATUSES.find((s) => s === p.status) ?? bad('no "status" (served, partial or unserved)');
    const households = num('households');
    const fibreShare = num('fibre_share');
    const mbbShare = num('mbb_share');
    const reach = reachFromProperties(p);
    if (!reach) hasReach = false;
    const text = (key: string): string => (typeof p[key] === 'string' ? (p[key] as string) : '');
    return {
      id,
      name: text('name') || id,
      commune: text('commune'),
      commune_code: text('commune_code'),
      district: text('district'),
      district_code: text('district_code'),
      status,
      households,
      broadbandHouseholds: num('broadband_share') * households,
      fibreHouseholds: fibreShare * households,
      mbbHouseholds: mbbShare * households,
      gapAreaM2: num('white_area_m2') + num('weak_area_m2'),
      hasFibre: fibreShare > settings.thresholds.noFibre,
      hasMbb: mbbShare > settings.thresholds.noMbb,
      reach,
    };
  });
  if (states.length === 0)
    throw new CliError(`${path} has no hamlets. Run "vungtrang analyze" again into ${dir}.`);
  return { dir, states, settings, province, hasReach };
}

async function readJson(path: string, flag: string, dir: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new CliError(
      `${flag} ${dir}: ${path.slice(dir.length).replace(/^[/\\]/, '')} is missing or cannot be read; a directory ` +
        `written by "vungtrang analyze" holds hamlets.geojson and summary.json. Run analyze with --out ${dir} first.`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    throw new CliError(
      `${path} is not valid JSON (${(e as Error).message}). Run "vungtrang analyze" again into ${dir}.`,
    );
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4 || 0;
const r1 = (x: number): number => Math.round(x * 10) / 10 || 0;

function sharesOut(s: AreaShares | undefined) {
  if (!s) return null;
  return {
    hamlets_with_fibre: s.hamletsWithFibre,
    hamlets_with_mbb: s.hamletsWithMbb,
    households: r1(s.households),
    fibre_hamlet_share: r4(s.fibreHamletShare),
    mbb_hamlet_share: r4(s.mbbHamletShare),
    fibre_household_share: r4(s.fibreHouseholdShare),
    mbb_household_share: r4(s.mbbHouseholdShare),
  };
}

/** progress.json: per area, both versions' shares, the change and the comparison's sums (DATA-MODEL §16). */
function progressReport(
  before: AnalysisOutput,
  after: AnalysisOutput,
  shares: readonly [AreaShares[], AreaShares[]],
  areas: readonly AreaChange[],
  settingsDiffer: string[],
  dates: [string, string] | null,
) {
  const key = (a: { level: string; code: string; parentCode?: string }) =>
    `${a.level}|${a.parentCode}|${a.code}`;
  const was = new Map(shares[0].map((s) => [key(s), s]));
  const now = new Map(shares[1].map((s) => [key(s), s]));
  const targets = targetsOf(after.settings.targets);
  return {
    before: { dir: before.dir, date: dates?.[0] ?? null },
    after: { dir: after.dir, date: dates?.[1] ?? null },
    settings_differ: settingsDiffer,
    targets: after.settings.targets,
    areas: areas.map((a) => {
      const b = was.get(key(a));
      const n = now.get(key(a));
      const trend = (pick: (s: AreaShares) => number, target: (typeof targets)['fibre']) =>
        dates && b && n
          ? progressTrend(
              [
                { date: dates[0], share: pick(b) },
                { date: dates[1], share: pick(n) },
              ],
              target,
            ).status
          : null;
      return {
        level: a.level,
        code: a.code,
        name: a.name,
        parent_code: a.parentCode ?? null,
        hamlets: a.hamlets,
        before: sharesOut(b),
        after: sharesOut(n),
        change:
          b && n
            ? {
                fibre_hamlet_share: r4(n.fibreHamletShare - b.fibreHamletShare),
                mbb_hamlet_share: r4(n.mbbHamletShare - b.mbbHamletShare),
                fibre_household_share: r4(n.fibreHouseholdShare - b.fibreHouseholdShare),
                mbb_household_share: r4(n.mbbHouseholdShare - b.mbbHouseholdShare),
              }
            : null,
        hamlets_improved: a.hamletsImproved,
        hamlets_worsened: a.hamletsWorsened,
        households_newly_covered: r1(a.newlyCoveredHouseholds),
        households_lost: r1(a.lostHouseholds),
        white_weak_area_before_m2: r1(a.gapAreaBeforeM2),
        white_weak_area_after_m2: r1(a.gapAreaAfterM2),
        white_weak_area_closed_m2: r1(a.gapAreaClosedM2),
        on_course: dates
          ? {
              fibre: trend((s) => s.fibreHamletShare, targets.fibre),
              mbb: trend((s) => s.mbbHamletShare, targets.mbb),
            }
          : null,
      };
    }),
  };
}
