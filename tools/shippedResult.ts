import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { ScenarioSession } from '../src/analysis/scenarioSession.ts';
import { canonicalJson } from '../src/data/canonicalJson.ts';
import { encodeResult, noPause } from '../src/data/resultCodec.ts';
import { parseSampleInputs, sampleLayersOf, type SampleFile } from '../src/data/sampleLayers.ts';
import { encodeList } from '../src/store/persist/listRecord.ts';
import { aheadSettings } from '../src/worker/aheadProgress.ts';

/**
 * The sample's result with the default settings, encoded as a saved result (`encodeResult`), and its list
 * (`encodeList`, under the key `listKey`): computed by the engine when the app is built (`shippedResult`
 * below) from the same files the app ships, so a first visit shows the list without analysing the province
 * in the browser. `files` are the sample's files as the analysis worker reads them (bytes by layer name);
 * the result is the worker's own for them, without its phase timings.
 */
export async function encodeShippedResult(
  files: readonly SampleFile[],
  listKey = canonicalJson(aheadSettings()),
): Promise<{ result: ArrayBuffer; list: ArrayBuffer }> {
  const input = sampleLayersOf(parseSampleInputs(files)).input;
  const computed = new ScenarioSession(input, aheadSettings()).baseline;
  // The build machine's phase timings say nothing about the visitor's, and would change the asset's hash
  // on every build of the same code and data.
  const result = { ...computed, timingsMs: {} };
  return { result: await encodeResult(result, noPause), list: await encodeList(listKey, result) };
}

const ID = 'virtual:shipped-result';
const RESOLVED = `\0${ID}`;

/** The sample's files under `dir` (`geodata/*.geojson`) as the analysis worker fetches them. */
export function readSampleFiles(dir: string): SampleFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.geojson'))
    .sort()
    .map((f) => {
      const buf = readFileSync(join(dir, f));
      const bytes = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
      return { name: f.replace(/\.geojson$/, ''), bytes };
    });
}

/**
 * `virtual:shipped-result`: in a build, the sample's result with the default settings (`aheadSettings`)
 * and its list, computed here by the engine from `geodata/` and emitted as hashed assets (`ShippedResult`:
 * their URLs and the settings' canonical JSON); `null` on the dev server, where the engine's code changes
 * under it, so the browser analyses.
 */
export function shippedResult(geodata = 'geodata'): Plugin {
  let serving = false;
  return {
    name: 'vungtrang-shipped-result',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      if (serving) return 'export const shippedResult = null;';
      const { result, list } = await encodeShippedResult(readSampleFiles(geodata));
      const asset = (name: string, bytes: ArrayBuffer): string =>
        `import.meta.ROLLUP_FILE_URL_${this.emitFile({ type: 'asset', name, source: new Uint8Array(bytes) })}`;
      const settings = JSON.stringify(canonicalJson(aheadSettings()));
      return [
        'export const shippedResult = {',
        `  url: ${asset('sample-result.bin', result)},`,
        `  listUrl: ${asset('sample-list.bin', list)},`,
        `  settings: ${settings},`,
        '};',
      ].join('\n');
    },
  };
}
