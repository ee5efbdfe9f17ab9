import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Flags that let Debian's Chromium run headless on a closed, GPU-less CI machine. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export const CHROMIUM_MISSING = 'No Chromium found: install it with `apt-get install chromium` (Debian) or set CHROMIUM_PATH to a Chromium binary.';

/**
 * Finds an installed Chromium without ever downloading one:
 * CHROMIUM_PATH first, then Debian's /usr/bin/chromium, then a browser Playwright installed earlier.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env['CHROMIUM_PATH'], '/usr/bin/chromium', playwrightBrowserPath()];
  return candidates.find((path): path is string => typeof path === 'string' && path !== '' && existsSync(path));
}

function playwrightBrowserPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
