import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LoadError, loadLayer, readLayerFile } from '../../../src/data/index.ts';
import { probeParsed } from '../../../src/data/probeFile.ts';
import { parseProject } from '../../../src/data/project.ts';
import { runProbe } from '../../../src/worker/importTask.ts';
import { cliRun } from '../../fixtures/cli/cliRun.ts';
import { tempDir } from '../../fixtures/cli/tempDir.ts';
import { fixture, FIXTURES } from './helpers.ts';
import { buildZip, zerosDeflate } from './zipBuilder.ts';

const hostile = (name: string) => ({ name, data: fixture(`hostile/${name}`) });

async function failure(work: Promise<unknown>): Promise<LoadError> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LoadError);
  return err as LoadError;
}

describe('hostile files end in a short message naming the file and the fix', () => {
  it('coordinates nested 50 000 deep: our message, not a stack overflow', async () => {
    const err = await failure(loadLayer(hostile('deep-coordinates.geojson'), 'hamlets'));
    expect(err.message).toBe(
      'deep-coordinates.geojson: feature 1 has coordinates nested more than 32 levels deep (GeoJSON needs at most 4).',
    );
    expect(err.fix).toMatch(/Export the layer again/);
  });

  it('properties nested 50 000 deep are refused before anything copies them between threads', async () => {
    const out = await runProbe({
      name: 'deep-properties.geojson',
      blob: new Blob([fixture('hostile/deep-properties.geojson') as Uint8Array<ArrayBuffer>]),
    });
    expect(out).toEqual({
      ok: false,
      error: {
        message:
          'deep-properties.geojson: feature 1 has a property ("ghi_chu") nested more than 32 levels deep.',
        fix: expect.stringMatching(/Remove or flatten that property/),
      },
    });
    // What the worker posts back must survive a structured clone (the old "Unserializable return value").
    expect(() => structuredClone(out)).not.toThrow();
  });

  it('a CSV named .kml says what it looks like and to rename it, not an XML parser page', async () => {
    const err = await failure(readLayerFile(hostile('csv-named.kml')));
    expect(err.message).toBe(
      'csv-named.kml: is named like KML but holds no XML (it begins “id,ten,kinh_do,vi_do”).',
    );
    expect(err.fix).toMatch(/rename it to \.csv/);
  });

  it('GeoJSON named .kml is read as GeoJSON', async () => {
    const parsed = await readLayerFile(hostile('geojson-named.kml'));
    expect(parsed.kind).toBe('geojson');
  });

  it('a placemark 20 000 folders deep is read like any other', async () => {
    const parsed = await readLayerFile(hostile('deep-folders.kml'));
    expect(probeParsed(parsed).featureCount).toBe(1);
  });

  it('entities declared in a DTD are refused, never expanded', async () => {
    const err = await failure(readLayerFile(hostile('entity-expansion.kml')));
    expect(err.message).toMatch(
      /^entity-expansion\.kml: is not well-formed XML \(line 3, column \d+: .*entity/,
    );
    expect(err.message.length).toBeLessThan(200);
  });

  it('XML errors are one short line with a position', async () => {
    const err = await failure(
      readLayerFile({ name: 'bad.kml', data: '<kml><Placemark><name>A & B</name></kml>' }),
    );
    expect(err.message).toMatch(/^bad\.kml: is not well-formed XML \(line 1, column \d+: [^\n]{5,120}\)\.$/);
  });

  it('a project file with nested-too-deep coordinates is refused naming the layer', () => {
    const text = JSON.stringify({ version: 1, layers: {} }).replace(
      '"layers":{}',
      `"layers":{"hamlets":{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":${'['.repeat(5000)}1${']'.repeat(5000)}}}]}}`,
    );
    expect(() => parseProject(text, 'p.vungtrang.json')).toThrow(
      /p\.vungtrang\.json › hamlets: feature 1 has coordinates nested more than 32 levels deep/,
    );
  });
});

describe('the CLI on hostile files: exit 1 with our message, never 70', () => {
  it('nested coordinates, a CSV named .kml and a zip bomb', async () => {
    const dir = await tempDir('vt-hostile-');
    const bomb = join(dir, 'thon.zip');
    await writeFile(bomb, buildZip([{ name: 'thon.shp', packed: zerosDeflate(1024), declaredSize: 4096 }]));
    const cases: [string, RegExp][] = [
      [join(FIXTURES, 'hostile/deep-coordinates.geojson'), /feature 1 has coordinates nested more than 32/],
      [join(FIXTURES, 'hostile/csv-named.kml'), /holds no XML .*\n {2}What to do: .*rename it to \.csv/],
      [bomb, /thon\.zip \(thon\.shp\): unpacks to more than the 4,096 bytes its zip directory declares/],
    ];
    for (const [file, message] of cases) {
      const r = await cliRun(['analyze', '--hamlets', file, '--out', join(dir, 'out')]);
      expect(r.code, r.err).toBe(1);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/looks like a bug/);
    }
  });
});
