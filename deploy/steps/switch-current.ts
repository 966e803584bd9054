/**
 * Point <installDir>/current at a release atomically: a new symlink beside it, renamed over the
 * old one (`mv -T` is one rename(2)), so `current` is never missing or half-written.
 */
import type { RemoteOps } from "../remote/remote-ops.js";
import { shellQuote } from "../remote/shell-quote.js";

/** Switch to `name`, or remove `current` when undefined (there was nothing before). */
export async function switchCurrent(ops: RemoteOps, installDir: string, name: string | undefined): Promise<void> {
  const current = shellQuote(`${installDir}/current`);
  if (name === undefined) {
    await ops.run("remove current", `rm -f ${current}`);
    return;
  }
  const link = shellQuote(`${installDir}/current.new`);
  await ops.run(`switch current to ${name}`, `set -e\nrm -f ${link}\nln -s ${shellQuote(`releases/${name}`)} ${link}\nmv -T ${link} ${current}`);
}
