/**
 * After a good deploy: keep the newest `keep` releases (always the current one and the one before
 * it) and the bundles they came from; remove older releases, failed leftovers and unused bundles.
 */
import type { RemoteOps } from "../remote/remote-ops.js";
import { shellQuote } from "../remote/shell-quote.js";

export function pruneScript(installDir: string, keep: number, protect: readonly string[]): string {
  const dir = shellQuote(installDir);
  const keepNames = protect.map((name) => shellQuote(name)).join(" ");
  return `set -e
cd ${dir}/releases
rm -rf ./*.partial
n=0
# Newest first by the UTC stamp that ends every release name.
for r in $(ls -1 | awk -F- '{ print $NF " " $0 }' | sort -r | cut -d' ' -f2); do
  n=$((n + 1))
  keep=no
  for p in ${keepNames}; do [ "$r" = "$p" ] && keep=yes; done
  if [ "$n" -le ${keep} ]; then keep=yes; fi
  if [ "$keep" = no ]; then rm -rf "./$r"; echo "removed release $r"; fi
done
used=$(cat ./*/release.json 2>/dev/null | sed -n 's/.*"bundleSha256":"\\([0-9a-f]*\\)".*/\\1/p' | sort -u)
cd ${dir}/bundles
for b in *.tar.gz; do
  [ -e "$b" ] || continue
  case " $(echo $used) " in *" \${b%.tar.gz} "*) ;; *) rm -f "./$b"; echo "removed bundle $b" ;; esac
done
rm -f ./*.partial
`;
}

/** Returns the lines it printed ("removed release ...", "removed bundle ..."). */
export async function pruneReleases(ops: RemoteOps, installDir: string, keep: number, protect: readonly string[]): Promise<string[]> {
  const result = await ops.run("prune old releases", pruneScript(installDir, keep, protect));
  return result.stdout.split("\n").filter((line) => line.trim() !== "");
}
