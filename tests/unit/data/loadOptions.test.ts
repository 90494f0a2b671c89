import { describe, expect, it } from 'vitest';
import {
  guessCsvColumns,
  htmlToText,
  LoadError,
  loadLayer,
  MAX_FILE_BYTES,
} from '../../../src/data/index.ts';
import { detectDbfEncoding, encodeTcvn3 } from '../../../src/data/dbfEncoding.ts';
import { encodeCp1258 } from '../../fixtures/import/shapefileWriter.ts';
import { fixture } from './helpers.ts';

describe('progress, cancel and size limit', () => {
  it('reports rising progress from 0 to 1', async () => {
    const seen: number[] = [];
    await loadLayer({ name: 'h.zip', data: fixture('hamlets-vn2000-tcvn3.zip') }, 'hamlets', {
      onProgress: (f) => seen.push(f),
    });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= (seen[i - 1] as number))).toBe(true);
    expect(seen.length).toBeGreaterThan(3);
  });

  it('stops when the signal is aborted, before or during the load', async () => {
    const before = new AbortController();
    before.abort();
    await expect(
      loadLayer({ name: 'h.geojson', data: fixture('hamlets.geojson') }, 'hamlets', {
        signal: before.signal,
      }),
    ).rejects.toThrow(/abort/i);
    const during = new AbortController();
    const run = loadLayer({ name: 'h.zip', data: fixture('hamlets-vn2000-tcvn3.zip') }, 'hamlets', {
      signal: during.signal,
      onProgress: (f) => {
        if (f >= 0.3) during.abort();
      },
    });
    await expect(run).rejects.toThrow(/abort/i);
  });

  it('refuses files over the size limit before parsing', async () => {
    const huge = { byteLength: MAX_FILE_BYTES + 1 } as ArrayBuffer;
    const err = await loadLayer({ name: 'big.geojson', data: huge }, 'hamlets').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoadError);
    expect((err as LoadError).message).toMatch(/big\.geojson: is 200 MB; the limit is 200 MB/);
    expect((err as LoadError).fix).toMatch(/Split/);
  });

  it('explains that a project file is not a layer', async () => {
    const err = await loadLayer({ name: 'p.json', data: '{"version":1,"layers":{}}' }, 'hamlets').catch(
      (e: unknown) => e,
    );
    expect((err as LoadError).message).toMatch(/p\.json: is a Vùng Trắng project file/);
    expect((err as LoadError).fix).toMatch(/Open project/);
  });
});

describe('.dbf encoding detection', () => {
  const names = ['Thôn Đông Hải', 'Xóm Tiền Phong', 'Thôn Ngọc Tỉnh', 'Nguyễn Văn Trỗi'];
  it('tells TCVN3 from Windows-1258 from UTF-8 by the letters', () => {
    expect(detectDbfEncoding(names.map(encodeTcvn3)).encoding).toBe('tcvn3');
    expect(detectDbfEncoding(names.map(encodeCp1258)).encoding).toBe('windows-1258');
    expect(detectDbfEncoding(names.map((n) => new TextEncoder().encode(n))).encoding).toBe('utf-8');
    expect(detectDbfEncoding([new TextEncoder().encode('Xom 1')]).encoding).toBe('ascii');
  });
});

describe('guessCsvColumns', () => {
  it('recognises Vietnamese headers with and without diacritics, and the radius unit', () => {
    expect(guessCsvColumns(['Kinh độ', 'Vĩ độ', 'Nhà mạng', 'Công nghệ', 'Bán kính (km)'])).toEqual({
      lon: 'Kinh độ',
      lat: 'Vĩ độ',
      operator: 'Nhà mạng',
      tech: 'Công nghệ',
      radius: 'Bán kính (km)',
      radiusUnit: 'km',
    });
    expect(guessCsvColumns(['lng', 'lat', 'site_id', 'radius_m'])).toMatchObject({
      lon: 'lng',
      lat: 'lat',
      id: 'site_id',
      radius: 'radius_m',
      radiusUnit: 'm',
    });
  });

  it('converts a kilometre radius to metres', async () => {
    const r = await loadLayer(
      { name: 's.csv', data: 'Kinh do,Vi do,Cong nghe,Ban kinh (km)\n106.1,20.4,4G,2.5\n' },
      'sites',
    );
    expect(r.collection.features[0]?.properties?.radius_m).toBe(2500);
  });
});

describe('htmlToText', () => {
  it('drops tags and scripts and keeps line breaks; escaped markup comes back as the literal text', () => {
    expect(
      htmlToText(
        '<p><b>Trạm</b> y tế</p><br/>Giường &amp; bác sĩ: <i>5</i><script>alert(1)</script>&lt;b&gt;',
      ),
    ).toBe('Trạm y tế\nGiường & bác sĩ: 5<b>');
    expect(htmlToText('<table><tr><td>a</td><td>b</td></tr></table>')).toBe('a b');
  });
});
