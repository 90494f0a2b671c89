const PREFIX = /^(xã|phường|thị trấn|huyện|thành phố|thị xã|quận|tỉnh)\s+/iu;

/**
 * Drops the administrative type from a Vietnamese place name ("Xã Giao Thủy" → "Giao Thủy") where space is
 * short: map labels and list cells. Full names stay in titles and details.
 */
export function shortAdminName(name: string): string {
  const short = name.replace(PREFIX, '');
  return short.length > 0 ? short : name;
}
