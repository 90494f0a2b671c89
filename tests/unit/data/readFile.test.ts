import { afterEach, describe, expect, it, vi } from 'vitest';
import * as geojsonReader from '../../../src/data/readGeojson.ts';
import * as shapefileReader from '../../../src/data/readShapefile.ts';
import { LoadError, loadLayer, readLayerFile } from '../../../src/data/index.ts';
import { probeFile } from '../../../src/data/probeFile.ts';
import { createInThreadBackend } from '../../../src/worker/importClient.ts';
import { fixture, fixtureText } from './helpers.ts';

// The readers wrapped in spies that call through, so a test can count how often a file was parsed.
vi.mock('../../../src/data/readGeojson.ts', async (load) => {
  const real = await load<typeof import('../../../src/data/readGeojson.ts')>();
  return { ...real, readGeojson: vi.fn(real.readGeojson) };
});
vi.mock('../../../src/data/readShapefile.ts', async (load) => {
  const real = await load<typeof import('../../../src/data/readShapefile.ts')>();
  return { ...real, readShapefileZip: vi.fn(real.readShapefileZip) };
});

afterEach(() => vi.clearAllMocks());

const blobOf = (name: string) => ({ name, blob: new Blob([fixture(name) as BlobPart]) });

describe('one dispatcher: a reader per format', () => {
  it('reads each format with its reader, and what the file declares about itself', async () => {
    const geojson = await readLayerFile({ name: 'thon.geojson', data: fixture('hamlets.geojson') });
    expect(geojson.kind).toBe('geojson');
    expect(geojson.kind === 'geojson' && geojson.features.length).toBe(6);
    const zip = await readLayerFile({ name: 'thon.zip', data: fixture('hamlets-vn2000-cp1258.zip') });
    expect(zip.kind).toBe('shapefile-zip');
    expect(zip.kind === 'shapefile-zip' && zip.declared?.where).toBe('the .prj file');
    expect(zip.kind === 'shapefile-zip' && zip.encoding?.detected).toMatch(/1258/);
    const csv = await readLayerFile({ name: 'tram.csv', data: fixture('sites.csv') });
    expect(csv.kind === 'csv' && csv.table.headers.length).toBeGreaterThan(2);
    expect(await readLayerFile({ name: 'p.json', data: '{"version":1,"layers":{}}' })).toEqual({
      kind: 'project',
      name: 'p.json',
    });
    expect(geojsonReader.readGeojson).toHaveBeenCalledTimes(1);
    expect(shapefileReader.readShapefileZip).toHaveBeenCalledTimes(1);
  });

  it('refuses files of no known format, empty files and project files with one set of messages', async () => {
    const png = { name: 'photo.png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) };
    for (const read of [readLayerFile, probeFile, (f: typeof png) => loadLayer(f, 'hamlets')]) {
      const err = await Promise.resolve(read(png)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LoadError);
      expect((err as LoadError).message).toBe('photo.png: is not a format that can be read.');
      const empty = await Promise.resolve(read({ name: 'x.geojson', data: new Uint8Array() })).catch(
        (e: unknown) => e,
      );
      expect((empty as LoadError).message).toBe('x.geojson: is empty.');
    }
    // A project probes as a project (the dialog then opens it as one) and is refused as a layer.
    const project = { name: 'p.json', data: '{"version":1,"layers":{}}' };
    expect((await probeFile(project)).kind).toBe('project');
    await expect(loadLayer(project, 'hamlets')).rejects.toThrow(/project file, not a layer/);
  });

  it('probes and loads CSV from one table: the columns are applied at load time', async () => {
    const probe = await probeFile({ name: 'tram.csv', data: fixtureText('sites.csv') });
    expect(probe.kind).toBe('csv');
    expect(probe.csv?.columns.lon).toBeDefined();
    const loaded = await loadLayer({ name: 'tram.csv', data: fixtureText('sites.csv') }, 'sites', {
      csvColumns: probe.csv!.columns,
    });
    expect(loaded.report.imported).toBeGreaterThan(0);
  });
});

describe('an import parses its file once', () => {
  it('loads from the file its probe read, however often the user checks it', async () => {
    const backend = createInThreadBackend();
    const file = blobOf('hamlets.geojson');
    const probed = await backend.probe(file);
    expect(probed.ok).toBe(true);
    if (!probed.ok) return;
    const first = await backend.load(file, 'hamlets', {}, () => undefined, probed.parsedId).done;
    // Checked again with another role, as after "Back" in the dialog: still no second parse.
    const again = await backend.load(file, 'facilities', {}, () => undefined, probed.parsedId).done;
    expect(first.ok && first.result.report.imported).toBe(6);
    expect(again.ok && again.result.report.role).toBe('facilities');
    expect(geojsonReader.readGeojson).toHaveBeenCalledTimes(1);
  });

  it('reads the file again when the load names no probe, a stale one, or one forgotten', async () => {
    const backend = createInThreadBackend();
    const file = blobOf('hamlets-vn2000-cp1258.zip');
    const first = await backend.probe(file);
    const second = await backend.probe(file);
    if (!first.ok || !second.ok) throw new Error('probe failed');
    expect(second.parsedId).not.toBe(first.parsedId);
    await backend.load(file, 'hamlets', {}, () => undefined, first.parsedId).done;
    await backend.load(file, 'hamlets', {}, () => undefined).done;
    backend.forget();
    await backend.load(file, 'hamlets', {}, () => undefined, second.parsedId).done;
    expect(shapefileReader.readShapefileZip).toHaveBeenCalledTimes(5);
  });
});
