/** POSIX sh quoting for commands sent over SSH: every argument in single quotes. */

/** One argument, single-quoted ('it'\''s'). */
export function shellQuote(value: string): string {
  if (value.includes("\0")) throw new RangeError("a shell argument cannot contain a NUL byte");
  if (/^[A-Za-z0-9_./:=@%+-]+$/.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** A command line from separate arguments. */
export function shellCommand(...args: readonly string[]): string {
  return args.map(shellQuote).join(" ");
}
