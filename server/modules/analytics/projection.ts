/**
 * Longitude/latitude (WGS 84) to UTM metres, by the Krüger series to third order (sub-millimetre
 * inside a zone), so that distances, kernel bandwidths and square cells are in true metres.
 */
const A_AXIS = 6378137;
const FLATTENING = 1 / 298.257223563;
const K0 = 0.9996;
const N = FLATTENING / (2 - FLATTENING);
const RECTIFYING = (A_AXIS / (1 + N)) * (1 + N ** 2 / 4 + N ** 4 / 64);
const ALPHA = [N / 2 - (2 * N ** 2) / 3 + (5 * N ** 3) / 16, (13 * N ** 2) / 48 - (3 * N ** 3) / 5, (61 * N ** 3) / 240];
const ECCENTRICITY_TERM = (2 * Math.sqrt(N)) / (1 + N);

export interface Projected {
  x: number;
  y: number;
}

export function utmZone(lon: number): number {
  return Math.min(60, Math.floor((lon + 180) / 6) + 1);
}

export function projectUtm(lon: number, lat: number, zone: number): Projected {
  const phi = (lat * Math.PI) / 180;
  const dLambda = ((lon - (zone * 6 - 183)) * Math.PI) / 180;
  const sinPhi = Math.sin(phi);
  const t = Math.sinh(Math.atanh(sinPhi) - ECCENTRICITY_TERM * Math.atanh(ECCENTRICITY_TERM * sinPhi));
  const xi = Math.atan2(t, Math.cos(dLambda));
  const eta = Math.atanh(Math.sin(dLambda) / Math.sqrt(1 + t * t));
  let easting = eta;
  let northing = xi;
  ALPHA.forEach((alpha, index) => {
    const j = 2 * (index + 1);
    easting += alpha * Math.cos(j * xi) * Math.sinh(j * eta);
    northing += alpha * Math.sin(j * xi) * Math.cosh(j * eta);
  });
  return { x: 500_000 + K0 * RECTIFYING * easting, y: (lat < 0 ? 10_000_000 : 0) + K0 * RECTIFYING * northing };
}

const BETA = [N / 2 - (2 * N ** 2) / 3 + (37 * N ** 3) / 96, N ** 2 / 48 + N ** 3 / 15, (17 * N ** 3) / 480];
const ECCENTRICITY = Math.sqrt(FLATTENING * (2 - FLATTENING));

/**
 * UTM metres (northern hemisphere) back to longitude/latitude, by the inverse Krüger series,
 * so a forecast's square cells can be drawn on a web map.
 */
export function unprojectUtm(x: number, y: number, zone: number): { lon: number; lat: number } {
  const xi0 = y / (K0 * RECTIFYING);
  const eta0 = (x - 500_000) / (K0 * RECTIFYING);
  let xi = xi0;
  let eta = eta0;
  BETA.forEach((beta, index) => {
    const j = 2 * (index + 1);
    xi -= beta * Math.sin(j * xi0) * Math.cosh(j * eta0);
    eta -= beta * Math.cos(j * xi0) * Math.sinh(j * eta0);
  });
  const conformal = Math.asin(Math.sin(xi) / Math.cosh(eta));
  // Geodetic latitude from the conformal one: a fixed-point iteration that settles in a few steps.
  let phi = conformal;
  for (let i = 0; i < 6; i++) {
    const e = ECCENTRICITY * Math.sin(phi);
    phi = 2 * Math.atan(Math.tan(Math.PI / 4 + conformal / 2) * ((1 + e) / (1 - e)) ** (ECCENTRICITY / 2)) - Math.PI / 2;
  }
  const lambda = Math.atan2(Math.sinh(eta), Math.cos(xi));
  return { lon: zone * 6 - 183 + (lambda * 180) / Math.PI, lat: (phi * 180) / Math.PI };
}
