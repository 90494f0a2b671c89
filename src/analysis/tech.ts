type Tech = '2G' | '3G' | '4G' | '5G';

const ALIASES: Record<string, Tech> = {
  '2G': '2G',
  GSM: '2G',
  '3G': '3G',
  UMTS: '3G',
  WCDMA: '3G',
  '4G': '4G',
  LTE: '4G',
  '5G': '5G',
  NR: '5G',
};

/**
 * Split a site's or coverage polygon's `tech` ("4G", "2G,3G,4G", ["4G","5G"], "LTE") into mobile broadband
 * technologies (4G/5G) and legacy ones (2G/3G), as docs/DATA-MODEL.md §2 defines them. Unknown words are
 * ignored.
 *
 * @example
 * parseTech('2G, 3G, 4G'); // { mbb: ['4G'], legacy: ['2G', '3G'] }
 */
export function parseTech(tech: unknown): { mbb: Tech[]; legacy: Tech[] } {
  const words = Array.isArray(tech)
    ? tech.map(String)
    : typeof tech === 'string'
      ? tech.split(/[,;/+\s]+/)
      : [];
  const found = new Set<Tech>();
  for (const w of words) {
    const t = ALIASES[w.trim().toUpperCase()];
    if (t) found.add(t);
  }
  const all = [...found].sort();
  return {
    mbb: all.filter((t) => t === '4G' || t === '5G'),
    legacy: all.filter((t) => t === '2G' || t === '3G'),
  };
}
