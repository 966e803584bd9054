/**
 * CSIT's per-direction count rules, shared by the agent's generators (which report them) and the
 * controller's remote measurer (which aggregates them).
 */

/** The 10 µs of traffic CSIT allows to stay unsent before it counts as loss. */
export const UNSENT_TOLERANCE_S = 10e-6;

/**
 * Packets one direction should have sent: ceil((durationS - 10 µs) * loadPps), and at least what was
 * sent (a generator may send a little more).
 */
export function intendedCountFor(durationS: number, loadPps: number, txPackets: number): number {
  const expected = Math.ceil(Math.max(0, durationS - UNSENT_TOLERANCE_S) * loadPps);
  return Math.max(expected, txPackets);
}
