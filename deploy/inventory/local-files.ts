/** Local files an inventory names: paths relative to the inventory (or ~/...), read with a clear problem. */
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";

export function localPath(inventoryDir: string, path: string): string {
  if (path === "~" || path.startsWith("~/")) return join(homedir(), path.slice(1));
  return isAbsolute(path) ? path : resolve(inventoryDir, path);
}

/** The file's text, or a problem sentence ("cannot read /x (no such file)"). */
export async function readLocalText(path: string): Promise<{ text: string } | { problem: string }> {
  try {
    return { text: await readFile(path, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (error as Error).message;
    return { problem: `cannot read ${path} (${why})` };
  }
}
