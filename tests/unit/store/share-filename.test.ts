import { describe, expect, it } from 'vitest';
import { exportFileName, slugify } from '../../../src/store/share/fileName.ts';

describe('export file names', () => {
  it('slugs Vietnamese names to ASCII, đ included', () => {
    expect(slugify('Huyện Giao Thủy')).toBe('huyen-giao-thuy');
    expect(slugify('Thành phố Nam Định')).toBe('thanh-pho-nam-dinh');
    expect(slugify('ĐỒNG NGƯ — Xóm 3/4')).toBe('dong-ngu-xom-3-4');
    // Decomposed input (NFD, as some macOS tools write) gives the same slug.
    expect(slugify('Hải Hậu'.normalize('NFD'))).toBe('hai-hau');
  });

  it('names an export by kind, area and day', () => {
    const day = new Date(2026, 10, 26, 23, 59);
    expect(exportFileName('ranking', 'Huyện Giao Thủy', day, 'csv')).toBe(
      'vungtrang-ranking-huyen-giao-thuy-2026-11-26.csv',
    );
    expect(exportFileName('white-zones', 'Tỉnh Nam Định', day, '.geojson')).toBe(
      'vungtrang-white-zones-tinh-nam-dinh-2026-11-26.geojson',
    );
  });

  it('still gives a usable name when the area name has no letters', () => {
    expect(exportFileName('summary', '—', new Date(2026, 0, 5), 'csv')).toBe(
      'vungtrang-summary-area-2026-01-05.csv',
    );
  });
});
