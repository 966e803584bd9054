import { execa } from "execa";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shellCommand, shellQuote } from "../../../../deploy/remote/shell-quote.js";

describe("shellQuote", () => {
  it("leaves plain words alone and single-quotes the rest", () => {
    expect(shellQuote("/opt/testbench")).toBe("/opt/testbench");
    expect(shellQuote("a b")).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote("")).toBe("''");
    expect(() => shellQuote("a\0b")).toThrow(/NUL/);
  });

  it("survives sh for any string: what sh receives is exactly the argument", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: "binary", maxLength: 30 }).filter((text) => !text.includes("\0")), { minLength: 1, maxLength: 3 }), async (args) => {
        const { stdout } = await execa("sh", ["-c", `printf '%s\\0' ${args.map(shellQuote).join(" ")}`], { stripFinalNewline: false, encoding: "buffer" });
        expect(Buffer.from(stdout).toString("utf8").split("\0").slice(0, -1)).toEqual(args.map((arg) => Buffer.from(arg, "utf8").toString("utf8")));
      }),
      { numRuns: 60, seed: 42 },
    );
    expect(shellCommand("sh", "-c", "echo $HOME")).toBe("sh -c 'echo $HOME'");
  });
});
