import { readFile } from 'node:fs/promises';
import { analyze } from '../analysis/analyze.ts';
import { applyScenario, ScenarioError } from '../analysis/scenario.ts';
import { scenarioDelta } from '../analysis/scenarioDelta.ts';
import { parseScenarioGeoJson, scenarioToCsv, scenarioToGeoJson } from '../analysis/scenarioIo.ts';
import type { Scenario, ScenarioDelta } from '../analysis/scenarioTypes.ts';
import type { AnalysisResult, InputLayers, Settings } from '../analysis/types.ts';
import { CliError } from './errors.ts';

/** Files a run with a scenario adds to the output directory. */
export const SCENARIO_OUTPUT_FILES = ['delta.json', 'proposals.geojson', 'proposals.csv'] as const;

/** A scenario read for `analyze --scenario`: the edited layers to analyse, and the extra outputs. */
export interface ScenarioRun {
  scenario: Scenario;
  /** The layers with the scenario applied: what `analyze` runs on. */
  layers: InputLayers;
  /**
   * The delta files plus a one-line summary, against `before`: the layers without the scenario analysed
   * (analysed here when not given).
   */
  outputs(
    after: AnalysisResult,
    before?: AnalysisResult,
  ): {
    files: Record<(typeof SCENARIO_OUTPUT_FILES)[number], string>;
    line: string;
  };
}

/**
 * Reads a proposals file (GeoJSON: Points = proposed sites, LineStrings = proposed fibre, Points with
 * `status: "off"` and an `id` = existing sites switched off) and applies it to the layers.
 *
 * @throws CliError naming the file, the feature and the fix.
 * @example
 * const run = await readScenarioRun('proposals.geojson', layers, settings);
 * const after = analyze(run.layers, settings);
 * const { files } = run.outputs(after);
 */
export async function readScenarioRun(
  path: string,
  layers: InputLayers,
  settings: Settings,
): Promise<ScenarioRun> {
  return scenarioRun(path, await readScenarioText(path), layers, settings);
}

/** The text of a proposals file; one that cannot be read stops the run. */
export async function readScenarioText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(
      `--scenario ${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)}). Check the path.`,
    );
  }
}

/** {@link readScenarioRun} from the file's text, already read. */
export function scenarioRun(
  path: string,
  text: string,
  layers: InputLayers,
  settings: Settings,
): ScenarioRun {
  let scenario: Scenario;
  let edited: InputLayers;
  try {
    scenario = parseScenarioGeoJson(text, path);
    edited = applyScenario(layers, scenario);
  } catch (e) {
    if (e instanceof ScenarioError)
      throw new CliError(e.message.startsWith(path) ? e.message : `${path}: ${e.message}`);
    throw e;
  }
  return {
    scenario,
    layers: edited,
    outputs(after, before = analyze(layers, settings)) {
      const delta = scenarioDelta(before, after, scenario, settings);
      return { files: scenarioFiles(scenario, delta, settings), line: deltaLine(scenario, delta) };
    },
  };
}

/** delta.json, proposals.geojson and proposals.csv for a scenario and its delta. */
export function scenarioFiles(
  scenario: Scenario,
  delta: ScenarioDelta,
  settings: Settings,
): Record<(typeof SCENARIO_OUTPUT_FILES)[number], string> {
  return {
    'delta.json':
      JSON.stringify({ scenario: scenario.name, edits: scenario.edits.length, ...delta }, null, 2) + '\n',
    'proposals.geojson': JSON.stringify(scenarioToGeoJson(scenario, settings)) + '\n',
    'proposals.csv': scenarioToCsv(scenario, settings),
  };
}

/** One line for the terminal: what the scenario brings and at what cost. */
export function deltaLine(scenario: Scenario, d: ScenarioDelta): string {
  const n = (v: number): string => Math.round(v).toLocaleString('en-US');
  const per = d.costPerNewHouseholdVnd === null ? 'n/a' : `${n(d.costPerNewHouseholdVnd)} VND`;
  return (
    `Scenario "${scenario.name}" (${scenario.edits.length} edits): +${n(d.newBroadbandHouseholds)} households with broadband ` +
    `(fibre +${n(d.newFibreHouseholds)}, MBB +${n(d.newMbbHouseholds)}, lost ${n(d.lostBroadbandHouseholds)}); ` +
    `${d.statusChanges.length} hamlets change status; cost ${n(d.costVnd)} VND, ${per} per new household.`
  );
}
