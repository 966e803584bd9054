/**
 * Draw the integrator's next point: a bivariate normal around the focus mean with the focus
 * covariance times the scale coefficient (CSIT passes 5.0), redrawn until it lies inside the open
 * square (-1, 1)^2. The normal comes from a 2x2 Cholesky factor L (scaled covariance = L L^T)
 * applied to two standard normals: x = mean + L z. A covariance that rounding has made
 * indefinite in one direction is treated as flat in that direction.
 */
import type { Rng } from "../../../common/devices/rng.js";
import type { FocusState } from "./focus-tracker.js";
import { numericError } from "./errors.js";

/** A focus this far outside the square (or this flat at its edge) is a bug, not bad luck. */
const MAX_DRAWS = 100_000;

/** Write the point into `out` (length 2); returns the number of draws it took. */
export function drawInsideUnitSquare(rng: Rng, focus: FocusState, scaleCoefficient: number, out: Float64Array): number {
  const s00 = focus.cov00 * scaleCoefficient;
  const s01 = focus.cov01 * scaleCoefficient;
  const s11 = focus.cov11 * scaleCoefficient;
  const l00 = s00 > 0 ? Math.sqrt(s00) : 0;
  const l10 = l00 > 0 ? s01 / l00 : 0;
  const rest = s11 - l10 * l10;
  const l11 = rest > 0 ? Math.sqrt(rest) : 0;
  for (let draws = 1; draws <= MAX_DRAWS; draws += 1) {
    const z0 = rng.normal();
    const z1 = rng.normal();
    const x0 = focus.mean0 + l00 * z0;
    const x1 = focus.mean1 + l10 * z0 + l11 * z1;
    if (x0 > -1 && x0 < 1 && x1 > -1 && x1 < 1) {
      out[0] = x0;
      out[1] = x1;
      return draws;
    }
  }
  throw numericError(`no point inside (-1, 1)^2 in ${MAX_DRAWS} draws`, {
    mean0: focus.mean0,
    mean1: focus.mean1,
    cov00: focus.cov00,
    cov01: focus.cov01,
    cov11: focus.cov11,
  });
}
