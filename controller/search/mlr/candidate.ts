/**
 * Choosing the one trial of a main-loop round among the selectors' nominations:
 * the lowest load wins; ties go to the longer duration, then to having a width,
 * then to the larger width, then to the earlier goal.
 */
import type { SelectorNomination } from "./selector.js";

export interface Candidate extends SelectorNomination {
  readonly selectorIndex: number;
}

/** True when `a` should be measured before `b` (CSIT Candidate.__lt__). */
export function candidateBefore(a: Candidate, b: Candidate): boolean {
  if (!a.load) return !b.load;
  if (!b.load) return true;
  if (a.load.lt(b.load)) return true;
  if (a.load.gt(b.load)) return false;
  if (a.durationS > b.durationS) return true;
  if (a.durationS < b.durationS) return false;
  if (!a.width) return !b.width;
  if (!b.width) return true;
  return a.width.ge(b.width);
}

/** Python's min(challenger, winner): keep the current winner only when it sorts first. */
export function pickWinner(challenger: Candidate, winner: Candidate | null): Candidate {
  if (winner && candidateBefore(winner, challenger)) return winner;
  return challenger;
}
