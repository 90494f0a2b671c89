/**
 * A transverse Mercator projection on the WGS84 ellipsoid, centred on the data, so that clipping happens in
 * metres and areas can be brought back to the ellipsoid. Krüger's series to third order in n (the form of
 * Karney 2011, eqs. 35–36) is accurate to well under a millimetre within a few degrees of the central
 * meridian, far more than the 0.1 % the analysis promises. proj4 would do the same, but this runs ~10×
 * faster on the hot path and has no global state.
 */
const A_AXIS = 6378137;
const FLATTENING = 1 / 298.257223563;
const N = FLATTENING / (2 - FLATTENING);
const E = (2 * Math.sqrt(N)) / (1 + N);
const RECTIFYING = (A_AXIS / (1 + N)) * (1 + (N * N) / 4 + (N * N * N * N) / 64);
const ALPHA = [
  N / 2 - (2 * N * N) / 3 + (5 * N ** 3) / 16,
  (13 * N * N) / 48 - (3 * N ** 3) / 5,
  (61 * N ** 3) / 240,
] as const;
const BETA = [
  N / 2 - (2 * N * N) / 3 + (37 * N ** 3) / 96,
  (N * N) / 48 + N ** 3 / 15,
  (17 * N ** 3) / 480,
] as const;
const DELTA = [
  2 * N - (2 * N * N) / 3 - 2 * N ** 3,
  (7 * N * N) / 3 - (8 * N ** 3) / 5,
  (56 * N ** 3) / 15,
] as const;
const DEG = Math.PI / 180;

export interface LocalProjection {
  readonly lon0: number;
  readonly lat0: number;
  /** lon/lat degrees → metres east/north of the centre. */
  forward(lon: number, lat: number): [number, number];
  /** metres → lon/lat degrees. */
  inverse(x: number, y: number): [number, number];
  /** Point scale factor at lon/lat: projected length / ground length. Areas scale by its square. */
  scaleAt(lon: number, lat: number): number;
}

interface Raw {
  xiP: number;
  etaP: number;
  t: number;
  cosL: number;
}

function conformal(lonRad: number, latRad: number): Raw {
  const sinPhi = Math.sin(latRad);
  const t = Math.sinh(Math.atanh(sinPhi) - E * Math.atanh(E * sinPhi));
  const cosL = Math.cos(lonRad);
  return { xiP: Math.atan2(t, cosL), etaP: Math.atanh(Math.sin(lonRad) / Math.sqrt(1 + t * t)), t, cosL };
}

/**
 * Create a transverse Mercator projection centred on (lon0, lat0) with scale 1 on the central meridian.
 *
 * @example
 * const p = createLocalProjection(106.2, 20.3);
 * const [x, y] = p.forward(106.21, 20.3); // ≈ [1044, 0] metres
 */
export function createLocalProjection(lon0: number, lat0: number): LocalProjection {
  const northing0 = rawNorthing(conformal(0, lat0 * DEG));
  return {
    lon0,
    lat0,
    forward(lon, lat) {
      const r = conformal((lon - lon0) * DEG, lat * DEG);
      const [sx, sy] = kruger(ALPHA, r.xiP, r.etaP);
      return [RECTIFYING * (r.etaP + sx), RECTIFYING * (r.xiP + sy) - northing0];
    },
    inverse(x, y) {
      const xi = (y + northing0) / RECTIFYING;
      const eta = x / RECTIFYING;
      const [sx, sy] = kruger(BETA, xi, eta);
      const xiP = xi - sy;
      const etaP = eta - sx;
      const chi = Math.asin(Math.sin(xiP) / Math.cosh(etaP));
      const c2 = Math.cos(2 * chi);
      const s2 = Math.sin(2 * chi);
      // sin(2jχ) for j = 1..3 from sin 2χ and cos 2χ (multiple-angle identities).
      const s4 = 2 * s2 * c2;
      const s6 = s2 * (3 - 4 * s2 * s2);
      const phi = chi + (DELTA[0] as number) * s2 + (DELTA[1] as number) * s4 + (DELTA[2] as number) * s6;
      return [lon0 + Math.atan2(Math.sinh(etaP), Math.cos(xiP)) / DEG, phi / DEG];
    },
    scaleAt(lon, lat) {
      const r = conformal((lon - lon0) * DEG, lat * DEG);
      let sigma = 1;
      let tau = 0;
      for (let j = 1; j <= 3; j++) {
        const a = ALPHA[j - 1] as number;
        sigma += 2 * j * a * Math.cos(2 * j * r.xiP) * Math.cosh(2 * j * r.etaP);
        tau += 2 * j * a * Math.sin(2 * j * r.xiP) * Math.sinh(2 * j * r.etaP);
      }
      const tanPhi = Math.tan(lat * DEG);
      const q = ((1 - N) / (1 + N)) * tanPhi;
      return (
        (RECTIFYING / A_AXIS) *
        Math.sqrt(((1 + q * q) * (sigma * sigma + tau * tau)) / (r.t * r.t + r.cosL * r.cosL))
      );
    },
  };
}

/**
 * The series Σ c_j·sin/cos(2jξ)·cosh/sinh(2jη), j = 1..3, as [Σ c_j cos(2jξ) sinh(2jη), Σ c_j sin(2jξ) cosh(2jη)]:
 * the multiples come from one cos/sin and one exp by complex powers, 3 transcendental calls instead of 12.
 */
function kruger(c: readonly [number, number, number], xi: number, eta: number): [number, number] {
  const c1 = Math.cos(2 * xi);
  const s1 = Math.sin(2 * xi);
  const e1 = Math.exp(2 * eta);
  let cj = c1;
  let sj = s1;
  let ej = e1;
  let x = 0;
  let y = 0;
  for (let j = 0; j < 3; j++) {
    const inv = 1 / ej;
    const coef = c[j] as number;
    x += coef * cj * ((ej - inv) / 2);
    y += coef * sj * ((ej + inv) / 2);
    const cn = cj * c1 - sj * s1;
    sj = sj * c1 + cj * s1;
    cj = cn;
    ej *= e1;
  }
  return [x, y];
}

function rawNorthing(r: Raw): number {
  let y = r.xiP;
  for (let j = 1; j <= 3; j++)
    y += (ALPHA[j - 1] as number) * Math.sin(2 * j * r.xiP) * Math.cosh(2 * j * r.etaP);
  return RECTIFYING * y;
}
