/**
 * Debian's Chromium driven by playwright-core, for tests that open a report: a fresh profile per
 * launch, no network side channels. `chromiumUnavailable()` names what is missing instead of
 * letting a browser test pass without a browser.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Debian's chromium; TESTBENCH_CHROMIUM names another build. */
export const CHROMIUM_PATH = process.env["TESTBENCH_CHROMIUM"] ?? "/usr/bin/chromium";
const PLAYWRIGHT_MODULE = "playwright-core";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

/** The parts of playwright-core's API the tests use (typed here so the tests compile without it). */
export interface BrowserPage {
  on(event: "console", listener: (message: { type(): string; text(): string }) => void): void;
  on(event: "pageerror", listener: (error: Error) => void): void;
  on(event: "request", listener: (request: { url(): string }) => void): void;
  on(event: "requestfailed", listener: (request: { url(): string }) => void): void;
  goto(url: string, options?: { waitUntil?: "load" | "networkidle" }): Promise<unknown>;
  evaluate<T>(expression: string): Promise<T>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  close(): Promise<void>;
}

interface BrowserContext {
  newPage(): Promise<BrowserPage>;
  close(): Promise<void>;
}

interface PlaywrightModule {
  chromium: {
    launchPersistentContext(userDataDir: string, options: { executablePath: string; headless: boolean; args: readonly string[] }): Promise<BrowserContext>;
  };
}

async function loadPlaywright(): Promise<PlaywrightModule | null> {
  try {
    return (await import(PLAYWRIGHT_MODULE)) as PlaywrightModule;
  } catch {
    return null;
  }
}

/** null when Chromium and playwright-core are both there, else what is missing and how to add it. */
export async function chromiumUnavailable(): Promise<string | null> {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM_PATH)) missing.push(`${CHROMIUM_PATH} (Debian package chromium: apt-get install -y chromium; or set TESTBENCH_CHROMIUM)`);
  if ((await loadPlaywright()) === null) missing.push("the npm package playwright-core (npm install --save-dev playwright-core)");
  return missing.length === 0 ? null : `missing ${missing.join(" and ")}`;
}

export interface HeadlessChromium {
  newPage(): Promise<BrowserPage>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<HeadlessChromium> {
  const playwright = await loadPlaywright();
  if (playwright === null) throw new Error("playwright-core is not installed (npm install --save-dev playwright-core)");
  const profile = mkdtempSync(path.join(os.tmpdir(), "testbench-chromium-"));
  try {
    const context = await playwright.chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    return {
      newPage: () => context.newPage(),
      close: async () => {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
