/**
 * The prior: the integrator samples a point x in the open square (-1, 1)^2 and this maps it onto
 * the fitting parameters (CSIT's mapping):
 *
 *   mrr    = maxLoad * (1 / (x0 + 1) - 0.5) + 1      Lomax-like; x0 = 1 gives 1 pps, x0 = 0 gives maxLoad / 2 + 1
 *   spread = mrr ^ ((x1 + 1) / 2)                    between 1 pps and mrr, log-uniform in x1
 */

/** mrr [pps] for the unit coordinate xMrr in (-1, 1). */
export function mrrFromUnit(xMrr: number, maxLoadPps: number): number {
  return maxLoadPps * (1 / (xMrr + 1) - 0.5) + 1;
}

/** spread [pps] for the unit coordinate xSpread in (-1, 1) at that mrr. */
export function spreadFromUnit(xSpread: number, mrrPps: number): number {
  return Math.exp(((xSpread + 1) / 2) * Math.log(mrrPps));
}
