import type { Lang } from '../store/viewState.ts';

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat>();

function nf(lang: Lang, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], opts);
    cache.set(key, f);
  }
  return f;
}

/** Number formatters for one language: 1.234,5 in Vietnamese, 1,234.5 in English. */
export interface Formatters {
  number(value: number, maxFractionDigits?: number): string;
  integer(value: number): string;
  percent(share: number, maxFractionDigits?: number): string;
  /** Compact money: "1,8 tỷ ₫" / "VND 1.8B". */
  vnd(value: number): string;
  /** Metres below 1 km, kilometres above. */
  distance(metres: number): string;
  /** Hectares below 1 km², km² above. */
  area(m2: number): string;
}

export function formatters(lang: Lang): Formatters {
  const number = (value: number, maxFractionDigits = 1): string =>
    nf(lang, { maximumFractionDigits: maxFractionDigits }).format(value);
  return {
    number,
    integer: (value) => nf(lang, { maximumFractionDigits: 0 }).format(value),
    percent: (share, maxFractionDigits = 0) =>
      nf(lang, { style: 'percent', maximumFractionDigits: maxFractionDigits }).format(share),
    vnd: (value) =>
      nf(lang, {
        style: 'currency',
        currency: 'VND',
        notation: 'compact',
        maximumFractionDigits: 1,
      }).format(value),
    distance: (m) => (m < 1000 ? `${number(m, 0)} m` : `${number(m / 1000, 1)} km`),
    area: (m2) => (m2 < 1_000_000 ? `${number(m2 / 10_000, 1)} ha` : `${number(m2 / 1_000_000, 2)} km²`),
  };
}
