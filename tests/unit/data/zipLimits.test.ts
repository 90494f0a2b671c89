import { describe, expect, it } from 'vitest';
import { LoadError, loadLayer, MAX_UNZIPPED_BYTES, readLayerFile } from '../../../src/data/index.ts';
import { openZip } from '../../../src/data/unzip.ts';
import { MAX_ZIP_ENTRIES, MAX_ZIP_ENTRY_BYTES } from '../../../src/data/types.ts';
import { fixture } from './helpers.ts';
import { buildZip, deflatedEntry, peakGrowth, zerosDeflate, type BuiltEntry } from './zipBuilder.ts';

const MiB = 1024 * 1024;
/** 2 GiB of zeros in ~2 MB: the bombs were 1–2 MB. */
const BOMB = zerosDeflate(2048);
const PRJ = deflatedEntry('thon.prj', 'GEOGCS["WGS 84"]');

/** The message of what `work` threw, with the time and memory it took. */
async function refusal(work: () => Promise<unknown>) {
  const r = await peakGrowth(work);
  expect(r.error, 'the load should have been refused').toBeInstanceOf(LoadError);
  return { ...r, message: (r.error as LoadError).message, fix: (r.error as LoadError).fix };
}

describe('zip limits: checked from the directory before anything is unpacked', () => {
  it('the bomb is ~2 MB and really unpacks to 2 GiB (the test is not a toothless one)', () => {
    expect(BOMB.length).toBeLessThan(2.5 * MiB);
    const zip = buildZip([{ name: 'thon.shp', packed: BOMB, declaredSize: 2048 * MiB }]);
    // The declared size is the real one: the limit, not a broken stream, stops it.
    expect(openZip(zip, 'x.zip').sizeOf('thon.shp')).toBe(2048 * MiB);
  });

  it('a single-entry bomb with its true size is refused from the directory, in a blink', async () => {
    const zip = buildZip([{ name: 'thon.shp', packed: BOMB, declaredSize: 2048 * MiB }, PRJ]);
    const r = await refusal(() => readLayerFile({ name: 'bom.zip', data: zip }));
    expect(r.message).toBe(
      `bom.zip (thon.shp): unpacks to 2048 MB; the limit for one file inside a zip is ${MAX_ZIP_ENTRY_BYTES / MiB} MB.`,
    );
    expect(r.fix).toMatch(/Split the data/);
    expect(r.arrayBuffersMb).toBeLessThan(50);
    expect(r.ms).toBeLessThan(5000);
  });

  it('a directory that lies (declares 1 000 bytes) is stopped at 1 000 bytes, with our message', async () => {
    const zip = buildZip([{ name: 'doc.kml', packed: BOMB, declaredSize: 1000 }]);
    const r = await refusal(() => loadLayer({ name: 'bom.kmz', data: zip }, 'facilities'));
    expect(r.message).toMatch(
      /^bom\.kmz \(doc\.kml\): unpacks to more than the 1,000 bytes its zip directory declares/,
    );
    expect(r.message).not.toMatch(/Bug|mismatch/);
    expect(r.arrayBuffersMb).toBeLessThan(50);
    expect(r.ms).toBeLessThan(5000);
  });

  it('a lie just under the limit costs at most that much memory, never the 2 GiB', async () => {
    const declared = 150 * MiB;
    const zip = buildZip([{ name: 'thon.shp', packed: BOMB, declaredSize: declared }]);
    const r = await refusal(() => readLayerFile({ name: 'bom.zip', data: zip }));
    expect(r.message).toMatch(/unpacks to more than the 157,286,400 bytes its zip directory declares/);
    // Memory measured in this process while it ran: the declared 150 MB and a little, not gigabytes.
    expect(r.arrayBuffersMb).toBeLessThan(250);
    expect(r.rssMb).toBeLessThan(400);
    expect(r.ms).toBeLessThan(20_000);
  });

  it('a ZIP64 bomb (5 GiB declared in the ZIP64 fields) ends in our message, not a size mismatch', async () => {
    const entry: BuiltEntry = { name: 'doc.kml', packed: BOMB, declaredSize: 5 * 1024 * MiB, zip64: true };
    const r = await refusal(() =>
      loadLayer({ name: 'bom64.kmz', data: buildZip([entry], { zip64End: true }) }, 'facilities'),
    );
    expect(r.message).toBe(
      `bom64.kmz (doc.kml): unpacks to 5120 MB; the limit for one file inside a zip is ${MAX_ZIP_ENTRY_BYTES / MiB} MB.`,
    );
    expect(r.arrayBuffersMb).toBeLessThan(50);
  });

  it('a ZIP64 entry whose ZIP64 size lies is stopped while unpacking', async () => {
    const entry: BuiltEntry = { name: 'doc.kml', packed: BOMB, declaredSize: 4096, zip64: true };
    const r = await refusal(() =>
      loadLayer({ name: 'bom64.kmz', data: buildZip([entry], { zip64End: true }) }, 'facilities'),
    );
    expect(r.message).toMatch(/bom64\.kmz \(doc\.kml\): unpacks to more than the 4,096 bytes/);
  });

  it('a directory claiming more than deflate can pack is refused as damaged before inflating', async () => {
    const zip = buildZip([
      { name: 'thon.shp', packed: BOMB.subarray(0, 1024 * 10), declaredSize: 100 * MiB },
    ]);
    const r = await refusal(() => readLayerFile({ name: 'ratio.zip', data: zip }));
    expect(r.message).toMatch(
      /^ratio\.zip: is not a readable zip archive \(thon\.shp declares 104857600 bytes/,
    );
  });

  it('a zip of many entries is refused from its entry count', async () => {
    const count = 20_000;
    const entries: BuiltEntry[] = Array.from({ length: count }, (_, i) => ({
      name: `f${i}.txt`,
      packed: new Uint8Array(0),
      method: 0,
      declaredSize: 0,
    }));
    const zip = buildZip(entries);
    expect(zip.length).toBeGreaterThan(MiB);
    const r = await refusal(() => readLayerFile({ name: 'many.zip', data: zip }));
    expect(r.message).toBe(
      `many.zip: holds 20,000 files; the limit is ${MAX_ZIP_ENTRIES.toLocaleString('en')}.`,
    );
    expect(r.arrayBuffersMb).toBeLessThan(50);
    expect(r.ms).toBeLessThan(5000);
  });

  it('only the layer’s own files are unpacked: a bomb beside the Shapefile is never touched', async () => {
    const real = fixture('hamlets-vn2000-utf8.zip');
    const zip = openZip(real, 'real.zip');
    const own = await Promise.all(zip.names.map(async (n) => deflatedEntry(n, await zip.read(n))));
    const withBomb = buildZip([...own, { name: 'other/huge.bin', packed: BOMB, declaredSize: 2048 * MiB }]);
    const r = await loadLayer({ name: 'thon.zip', data: withBomb }, 'hamlets');
    expect(r.report.imported).toBe(6);
  });

  it('all files read from one archive stay under the total limit', async () => {
    const part = (ext: string): BuiltEntry => ({
      name: `thon.${ext}`,
      packed: zerosDeflate(160),
      declaredSize: 160 * MiB,
    });
    const zip = buildZip([part('shp'), part('dbf')]);
    const archive = openZip(zip, 'two.zip');
    await archive.read('thon.shp');
    const err = await archive.read('thon.dbf').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoadError);
    expect((err as LoadError).message).toBe(
      `two.zip: unpacks to more than ${MAX_UNZIPPED_BYTES / MiB} MB (the limit for one archive).`,
    );
  });

  it('damaged archives say what is wrong, in our words', async () => {
    const good = fixture('hamlets-vn2000-utf8.zip');
    const cut = good.subarray(0, good.length - 30);
    const e1 = await readLayerFile({ name: 'cut.zip', data: cut }).catch((e: unknown) => e);
    expect((e1 as LoadError).message).toMatch(/^cut\.zip: is not a readable zip archive \(no end-of-archive/);
    const encrypted = buildZip([{ ...deflatedEntry('doc.kml', '<kml/>') }]);
    encrypted[6] = 1; // local header flags
    const dir = encrypted.length - 22 - (46 + 'doc.kml'.length);
    encrypted[dir + 8] = 1; // central directory flags: encrypted
    const e2 = await readLayerFile({ name: 'secret.kmz', data: encrypted }).catch((e: unknown) => e);
    expect((e2 as LoadError).message).toBe('secret.kmz (doc.kml): is protected by a password.');
  });
});
