import { ScenarioSession } from '../analysis/scenarioSession.ts';
import { suggestSites } from '../analysis/suggestSites.ts';
import { flagHelp, parseFlags, type FlagTable } from './args.ts';
import type { Command, CliIO } from './command.ts';
import { CliError, EXIT_CODES_HELP, EXIT_USAGE } from './errors.ts';
import { checkOutputDir, writeOutputs } from './output.ts';
import { readLayers, type InputRole } from './readLayers.ts';
import { deltaLine, scenarioFiles, SCENARIO_OUTPUT_FILES } from './scenario.ts';
import { resolveSettings } from './settingsFile.ts';

/** Field reports change no coverage, so suggestions do not read them. */
type ModelRole = Exclude<InputRole, 'fieldReports'>;

const LAYERS: Record<ModelRole, string> = {
  hamlets: 'hamlet polygons with id and name (required)',
  fibre: 'fibre routes and nodes',
  sites: 'existing mobile sites',
  coverage: 'operator coverage polygons',
  facilities: 'schools, health stations, commune offices',
  households: 'household points (count)',
};

const FLAGS: FlagTable = {
  ...Object.fromEntries(
    Object.entries(LAYERS).map(([name, help]) => [name, { type: 'string', value: 'FILE', help }]),
  ),
  crs: { type: 'string', value: 'CODE', help: 'coordinate system of files that name none' },
  'sites-count': { type: 'string', value: 'N', help: 'number of sites to propose' },
  budget: { type: 'string', value: 'VND', help: 'or: a budget; sites = budget ÷ site cost (settings)' },
  tech: { type: 'string', value: 'TECH', help: '4G (default) or 5G' },
  radius: {
    type: 'string',
    value: 'METRES',
    help: "reach of a new site (default: the tech's default radius)",
  },
  operator: { type: 'string', value: 'NAME', help: 'operator written on the proposed sites' },
  spacing: { type: 'string', value: 'METRES', help: 'candidate grid spacing (default radius ÷ 3)' },
  'fibre-radius': { type: 'string', value: 'METRES', help: 'reach of fibre service (default 500)' },
  settings: { type: 'string', value: 'FILE', help: 'settings JSON (radii, costs)' },
  out: {
    type: 'string',
    value: 'DIR',
    help: 'output directory; created if missing; only the files named below are replaced',
  },
  quiet: { type: 'boolean', short: 'q', help: 'no progress or summary lines' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
};

const USAGE = `Usage: vungtrang suggest --hamlets FILE [layers…] (--sites-count N | --budget VND) [options] --out DIR

Proposes new mobile sites that bring broadband to the most uncovered (white + weak) households: greedy
maximum coverage over candidate points (a point in each hamlet's gap and a grid over the gaps), each
candidate's gain computed exactly against the gaps. The proposals are a scenario: edit the GeoJSON and
feed it back with "vungtrang analyze … --scenario DIR/proposals.geojson".

${flagHelp(FLAGS)}

Writes to DIR: ${SCENARIO_OUTPUT_FILES.join(', ')}. Other files in DIR are left alone; no input may lie
inside DIR.

${EXIT_CODES_HELP}`;

function positive(flag: string, raw: string | undefined, integer: boolean): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v) || v < 0 || (integer && !Number.isInteger(v)))
    throw new CliError(
      `--${flag} ${raw}: give ${integer ? 'a whole number' : 'a number'} of at least 0.`,
      EXIT_USAGE,
    );
  return v;
}

export const suggestCommand: Command = {
  summary: 'propose new mobile sites that cover the most uncovered households',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const v = parseFlags('suggest', argv, FLAGS);
    if (v.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const str = (name: string): string | undefined =>
      typeof v[name] === 'string' ? (v[name] as string) : undefined;
    const outArg = str('out');
    const count = positive('sites-count', str('sites-count'), true);
    const budget = positive('budget', str('budget'), false);
    if (!str('hamlets') || !outArg || (count === undefined) === (budget === undefined)) {
      throw new CliError(
        'vungtrang suggest: --hamlets FILE, --out DIR and one of --sites-count N or --budget VND are required. Run "vungtrang suggest --help".',
        EXIT_USAGE,
      );
    }
    const tech = str('tech') ?? '4G';
    if (!/^[45]G$/i.test(tech)) throw new CliError(`--tech ${tech}: new sites are "4G" or "5G".`, EXIT_USAGE);
    const radius = positive('radius', str('radius'), false);
    const spacing = positive('spacing', str('spacing'), false);
    if (radius === 0 || spacing === 0)
      throw new CliError('--radius and --spacing must be more than 0 metres.', EXIT_USAGE);
    const settings = await resolveSettings({
      settingsPath: str('settings'),
      fibreRadius: str('fibre-radius'),
    });
    const paths = Object.fromEntries(
      (Object.keys(LAYERS) as ModelRole[]).flatMap((role) => (str(role) ? [[role, str(role)]] : [])),
    ) as Partial<Record<ModelRole, string>>;
    const inputs = [...Object.values(paths), str('settings')].filter((p): p is string => p !== undefined);
    const out = await checkOutputDir(outArg, SCENARIO_OUTPUT_FILES, inputs);
    const log = (line: string): void => void (v.quiet || io.stderr.write(`${line}\n`));
    const warn = (line: string): void => void io.stderr.write(`warning: ${line}\n`);
    log(`Reading ${Object.values(paths).join(', ')}…`);
    const layers = await readLayers(paths, { warn, ...(str('crs') ? { crs: str('crs') } : {}) });
    log('Analysing the current coverage…');
    let session: ScenarioSession;
    try {
      session = new ScenarioSession(layers, settings);
    } catch (e) {
      if (e instanceof Error && e.name === 'AnalysisInputError')
        throw new CliError(`${paths.hamlets}: ${e.message}`);
      throw e;
    }
    const takenIds = (layers.sites?.features ?? []).map((f, i) =>
      String(f.properties?.id ?? f.id ?? `site-${i}`),
    );
    const s = suggestSites(session.baseline, settings, {
      tech: tech.toUpperCase(),
      takenIds,
      ...(count !== undefined ? { count } : { budgetVnd: budget as number }),
      ...(radius !== undefined ? { radiusM: radius } : {}),
      ...(spacing !== undefined ? { spacingM: spacing } : {}),
      ...(str('operator') ? { operator: str('operator') } : {}),
    });
    log(`Placed ${s.suggestions.length} sites from ${s.candidates} candidates in ${Math.round(s.ms)} ms.`);
    const { delta } = session.sync(s.scenario.edits, s.scenario.name);
    await writeOutputs(out, scenarioFiles(s.scenario, delta, settings));
    log(deltaLine(s.scenario, delta));
    log(`Wrote ${outArg}/ (${SCENARIO_OUTPUT_FILES.join(', ')}).`);
    return 0;
  },
};
