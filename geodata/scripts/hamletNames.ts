import { type Rng, pick } from './prng.ts';

/** Common village names of the Red River delta, used as "Thôn <name>". */
// prettier-ignore
const THON_NAMES = [
  'Đông', 'Tây', 'Nam', 'Bắc', 'Trung', 'Thượng', 'Hạ', 'Đoài', 'Nam Sơn', 'Bắc Sơn', 'Đông Hải',
  'Tây Sơn', 'An Lạc', 'An Bình', 'An Phú', 'Bình Minh', 'Phú Lộc', 'Phú Thọ', 'Phú Xuân', 'Tân Tiến',
  'Tân Lập', 'Tân Phong', 'Quyết Thắng', 'Quyết Tiến', 'Hưng Long', 'Hưng Thịnh', 'Văn Lãng', 'Văn Phú',
  'Thanh Khê', 'Thanh Bình', 'Đồng Tâm', 'Đồng Lạc', 'Hòa Bình', 'Hòa Lạc', 'Thịnh Long', 'Lạc Thiện',
  'Trung Thành', 'Kiên Chính', 'Phúc Hải', 'Phúc Lộc', 'Cát Xuyên', 'Lục Thủy', 'Vân Tràng', 'Hải Yến',
  'Ngọc Tỉnh', 'Đại Đồng', 'Tiền Phong', 'Thắng Lợi', 'Cổ Chất', 'Mỹ Trọng',
] as const;

export type NamingStyle = 'to-dan-pho' | 'khu' | 'xom' | 'thon' | 'mixed';

/** How a commune names its hamlets: wards use tổ dân phố, towns tổ dân phố or khu, rural communes xóm/thôn. */
export function namingStyle(communeType: string, rng: Rng): NamingStyle {
  const t = communeType.toLowerCase();
  if (t.includes('phường')) return 'to-dan-pho';
  if (t.includes('thị trấn')) return rng() < 0.6 ? 'to-dan-pho' : 'khu';
  const r = rng();
  return r < 0.45 ? 'xom' : r < 0.8 ? 'thon' : 'mixed';
}

/**
 * `n` hamlet names, unique within the commune, numbered in map order (north first).
 * @example hamletNames('Xã', 3, rng) // ['Xóm 1', 'Xóm 2', 'Xóm 3'] or ['Thôn Đông', 'Thôn Trung', …]
 */
export function hamletNames(communeType: string, n: number, rng: Rng): string[] {
  const style = namingStyle(communeType, rng);
  const pool = [...THON_NAMES];
  const names: string[] = [];
  let xom = 0;
  for (let i = 0; i < n; i++) {
    if (style === 'to-dan-pho') names.push(`Tổ dân phố ${i + 1}`);
    else if (style === 'khu') names.push(`Khu ${i + 1}`);
    else if ((style === 'thon' || (style === 'mixed' && rng() < 0.5)) && pool.length > 0) {
      const name = pick(rng, pool);
      pool.splice(pool.indexOf(name), 1);
      names.push(`Thôn ${name}`);
    } else names.push(`Xóm ${++xom}`);
  }
  return names;
}
