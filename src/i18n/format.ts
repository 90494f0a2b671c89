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

/** Money units, largest first: the words a Vietnamese or English reader says, not "T ₫" or "B". */
const MONEY_UNITS: Record<Lang, { scale: number; word: string }[]> = {
  vi: [
    { scale: 1e9, word: 'tỷ' },
    { scale: 1e6, word: 'triệu' },
    { scale: 1e3, word: 'nghìn' },
  ],
  en: [
    { scale: 1e9, word: 'billion' },
    { scale: 1e6, word: 'million' },
    { scale: 1e3, word: 'thousand' },
  ],
};
const CURRENCY: Record<Lang, string> = { vi: 'đồng', en: 'VND' };
/** Between a number and its unit, so that "1,8" and "tỷ" never end up on two lines. */
const NBSP = '\u00a0';

/** Number formatters for one language: 1.234,5 in Vietnamese, 1,234.5 in English. */
export interface Formatters {
  number(value: number, maxFractionDigits?: number): string;
  integer(value: number): string;
  percent(share: number, maxFractionDigits?: number): string;
  /** Money in words, three significant digits: "1,8 tỷ đồng", "766 nghìn đồng" / "1.8 billion VND". */
  vnd(value: number): string;
  /** The same without the currency, for a column whose heading names it: "1,5 triệu" / "1.5 million". */
  vndAmount(value: number): string;
  /** Whole đồng with grouped digits, as a money field shows them: "120.000.000" / "120,000,000". */
  vndDigits(value: number): string;
  /** Metres below 1 km, kilometres above. */
  distance(metres: number): string;
  /** Hectares below 1 km², km² above. */
  area(m2: number): string;
  /** A duration: "850 ms", "1,9 giây", "2 phút 5 giây" / "850 ms", "1.9 s", "2 min 5 s". */
  duration(ms: number): string;
}

export function formatters(lang: Lang): Formatters {
  const number = (value: number, maxFractionDigits = 1): string =>
    nf(lang, { maximumFractionDigits: maxFractionDigits }).format(value);
  const vndAmount = (value: number): string => {
    const abs = Math.abs(value);
    const unit = MONEY_UNITS[lang].find((u) => abs >= u.scale * 0.9995);
    if (!unit) return number(value, 0);
    const v = value / unit.scale;
    // Three significant digits, never fewer than the whole units: 1,25 / 12,5 / 125 / 1.250 tỷ.
    const digits = Math.abs(v) >= 99.95 ? 0 : Math.abs(v) >= 9.995 ? 1 : 2;
    return `${number(v, digits)}${NBSP}${unit.word}`;
  };
  return {
    number,
    integer: (value) => nf(lang, { maximumFractionDigits: 0 }).format(value),
    percent: (share, maxFractionDigits = 0) =>
      nf(lang, { style: 'percent', maximumFractionDigits: maxFractionDigits }).format(share),
    vnd: (value) => `${vndAmount(value)}${NBSP}${CURRENCY[lang]}`,
    vndAmount,
    vndDigits: (value) => nf(lang, { maximumFractionDigits: 0, useGrouping: true }).format(value),
    distance: (m) => (m < 1000 ? `${number(m, 0)} m` : `${number(m / 1000, 1)} km`),
    area: (m2) => (m2 < 1_000_000 ? `${number(m2 / 10_000, 1)} ha` : `${number(m2 / 1_000_000, 2)} km²`),
    duration: (ms) => {
      if (ms < 999.5) return `${number(Math.max(0, ms), 0)} ms`;
      const s = ms / 1000;
      const sec = lang === 'vi' ? 'giây' : 's';
      if (s < 59.95) return `${number(s, 1)} ${sec}`;
      const whole = Math.round(s);
      const min = Math.floor(whole / 60);
      const rest = whole % 60;
      const m = lang === 'vi' ? 'phút' : 'min';
      return rest === 0 ? `${number(min, 0)} ${m}` : `${number(min, 0)} ${m} ${rest} ${sec}`;
    },
  };
}

/**
 * Reads a money amount as typed: digits with any grouping ("120.000.000", "120,000,000", "120 000 000");
 * null when there are no digits. Money is whole đồng, so every separator is grouping.
 * @example parseMoney('1.500.000') === 1_500_000
 */
export function parseMoney(text: string): number | null {
  const digits = text.replace(/\D/g, '');
  return digits === '' ? null : Number(digits);
}
