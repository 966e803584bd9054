/** What the iperf3 parsers produce, independent of the output mode (text, -J, --json-stream). */
import type { IperfIntervalData } from "../../../common/wire/stream-types.js";

/** One reporting interval (or an end-of-test total), summed over parallel streams: the wire's own type. */
export type { IperfIntervalData };

export interface IperfTotals {
  /** As the sender counted (end.sum_sent, the text "sender" line). */
  readonly sent: IperfIntervalData | undefined;
  /** As the receiver counted (end.sum_received, the text "receiver" line): the reliable goodput and loss. */
  readonly received: IperfIntervalData | undefined;
}

/** What a parser has gathered once the output has ended. */
export interface ParsedOutput {
  readonly totals: IperfTotals;
  /** iperf3's own error text, e.g. "unable to connect to server: Connection refused". */
  readonly error: string | undefined;
  readonly serverOutputText: string | undefined;
  readonly serverOutputJson: string | undefined;
  /** JSON modes: the -J shaped object, as text. */
  readonly resultJson: string | undefined;
  /** Lines the parser skipped or could not read. */
  readonly warnings: readonly string[];
  /** At least one line or object iperf3 would print was recognised. */
  readonly recognized: boolean;
}

/** Called for every interval as soon as it is parsed. */
export type OnInterval = (interval: IperfIntervalData) => void;

/** A parser of one output mode, fed line by line. */
export interface OutputParser {
  line(text: string): void;
  finish(): ParsedOutput;
  /** True once iperf3 has said it runs: a server listens, a client is connected (text, json-stream). */
  readonly running: boolean;
}

/** The most warnings a parser keeps (a garbage-spewing binary must not grow memory without bound). */
export const MAX_WARNINGS = 50;

export function pushWarning(warnings: string[], warning: string): void {
  if (warnings.length < MAX_WARNINGS) warnings.push(warning.length > 300 ? `${warning.slice(0, 300)}...` : warning);
  else if (warnings.length === MAX_WARNINGS) warnings.push("(more warnings not kept)");
}
