import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { formatters } from '../../../src/i18n/format.ts';
import { createI18n } from '../../../src/i18n/i18n.ts';
import { vi } from '../../../src/i18n/vi.ts';
import { shortAdminName } from '../../../src/i18n/adminName.ts';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('strings', () => {
  it('English has exactly the Vietnamese keys, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
    for (const k of keys(en)) expect(createI18n('en').t(k)).not.toBe('');
  });

  it('every English string differs from its Vietnamese one unless it is a name or a symbol', () => {
    const i18nVi = createI18n('vi');
    const i18nEn = createI18n('en');
    const same = keys(vi).filter((k) => i18nVi.t(k) === i18nEn.t(k));
    expect(same.sort()).toEqual(
      ['app.title', 'area.byMbb', 'details.distance', 'details.location', 'tech.none'].sort(),
    );
  });
});

describe('number formats', () => {
  it('writes 1.234,5 in Vietnamese and 1,234.5 in English', () => {
    expect(formatters('vi').number(1234.5)).toBe('1.234,5');
    expect(formatters('en').number(1234.5)).toBe('1,234.5');
    expect(formatters('vi').percent(0.953)).toBe('95%');
  });
  it('switches metres to kilometres and hectares to km²', () => {
    expect(formatters('vi').distance(850)).toBe('850 m');
    expect(formatters('vi').distance(2500)).toBe('2,5 km');
    expect(formatters('en').area(389_000)).toBe('38.9 ha');
    expect(formatters('en').area(2_520_000)).toBe('2.52 km²');
  });
});

describe('shortAdminName', () => {
  it('drops the administrative type but keeps bare names', () => {
    expect(shortAdminName('Xã Giao Thủy')).toBe('Giao Thủy');
    expect(shortAdminName('Thị trấn Ngô Đồng')).toBe('Ngô Đồng');
    expect(shortAdminName('Thành phố Nam Định')).toBe('Nam Định');
    expect(shortAdminName('Giao Thủy')).toBe('Giao Thủy');
  });
});
