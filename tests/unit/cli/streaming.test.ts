import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { hamletsGeoJson, operatorsCsv, rankingCsv, zonesGeoJson } from '../../../src/analysis/exports.ts';
import { networkReach, reachProperties } from '../../../src/analysis/networkReach.ts';
import { withDefaults } from '../../../src/analysis/settings.ts';
import { readLayers, type InputRole } from '../../../src/cli/readLayers.ts';
import { checkOutputDir, writeOutputs } from '../../../src/cli/output.ts';
import { cliRun } from '../../fixtures/cli/cliRun.ts';
import { coastalPart } from '../../fixtures/cli/coastalPart.ts';
import { tempDir } from '../../fixtures/cli/tempDir.ts';

describe('the streamed outputs', () => {
  it('are, on a part of the sample, byte for byte what the whole-collection builders make', async () => {
    const dir = await tempDir('vt-stream-');
    const paths: Partial<Record<InputRole, string>> = await coastalPart(dir);
    const out = join(dir, 'out');
    const flags = Object.entries(paths).flatMap(([r, p]) => [`--${r}`, p]);
    const run = await cliRun(['analyze', ...flags, '--out', out, '--quiet', '--threads', '1']);
    expect(run.code).toBe(0);
    const layers = await readLayers(paths, { warn: () => {} });
    const result = analyze(layers);
    const file = (name: string): Promise<string> => readFile(join(out, name), 'utf8');
    // The CLI's hamlets also say what reaches each (for `vungtrang compare`).
    const reach = networkReach(layers, withDefaults({}));
    const hamlets = hamletsGeoJson(result, layers.hamlets);
    for (const f of hamlets.features)
      f.properties = { ...f.properties, ...reachProperties(reach.get(String(f.properties?.id))) };
    const reference = {
      'hamlets.geojson': JSON.stringify(hamlets) + '\n',
      'white-zones.geojson': JSON.stringify(zonesGeoJson(result, 'white')) + '\n',
      'weak-zones.geojson': JSON.stringify(zonesGeoJson(result, 'weak')) + '\n',
      'ranking.csv': rankingCsv(result, layers.hamlets),
      'operators.csv': operatorsCsv(result),
    };
    expect(JSON.parse(reference['hamlets.geojson']).features.length).toBe(layers.hamlets.features.length);
    // Over one write of the streamed path (a megabyte), with zones of both kinds.
    expect(reference['hamlets.geojson'].length).toBeGreaterThan(1 << 20);
    for (const z of ['white', 'weak'] as const)
      expect(zonesGeoJson(result, z).features.length, z).toBeGreaterThan(10);
    for (const [name, text] of Object.entries(reference)) expect(await file(name), name).toBe(text);
  });

  it('writes chunks across the megabyte writes intact, multi-byte text included', async () => {
    const dir = await checkOutputDir(join(await tempDir('vt-stream-'), 'out'), ['a.txt', 'b.txt']);
    const piece = 'Xóm Đông, Bắc — '.repeat(5000);
    const chunks = Array.from({ length: 40 }, (_, i) => `${i}:${piece}\n`);
    // A chunk too long for the buffer goes on its own, between buffered ones; an emoji's two halves too.
    chunks.splice(7, 0, 'Đ🙂'.repeat(200_000), 'x', '🙂');
    await writeOutputs(dir, { 'a.txt': chunks, 'b.txt': chunks.join('') });
    const a = await readFile(join(dir.path, 'a.txt'));
    expect(a.length).toBeGreaterThan(3 << 20);
    expect(a.equals(await readFile(join(dir.path, 'b.txt')))).toBe(true);
    expect(a.toString('utf8')).toBe(chunks.join(''));
  });
});
