// Browser benchmarks: prints timing and weight figures of the built site, never fails because a machine is slow.
// Usage: npm run bench:browser [-- --runs N] [--quick] [--no-lighthouse]   (run `npm run build` first)
// Serves dist/ on loopback and drives the installed Chromium (never a downloaded one). Each figure stands beside the
// same figure for /sources/, a page with no JavaScript, where that comparison means something: ratios travel across
// machines better than milliseconds do. Exit 0 with figures; 2 for no dist/, no Chromium or a bad option; 1 when a
// page is broken (it failed to load, logged an error, or never reached the state a step waits for).
import { existsSync } from 'node:fs';
import { launchChromium } from '../tools/browser.ts';
import { CHROMIUM_MISSING, findChromium } from '../tools/chromium.ts';
import { serveStatic } from '../tools/static-server.ts';
import { formatFigures, type Figure } from './bench-browser/figures.ts';
import { CPU_SLOWDOWN, measureInteractions } from './bench-browser/interactions.ts';
import { measureLighthouse } from './bench-browser/lighthouse.ts';
import { USAGE, parseOptions } from './bench-browser/options.ts';
import { measureLongTasks } from './bench-browser/long-tasks.ts';
import { BrokenPage, progress } from './bench-browser/session.ts';
import { measureSoak } from './bench-browser/soak.ts';
import { measureWeight } from './bench-browser/weight.ts';

async function main(args: readonly string[]): Promise<number> {
  const options = parseOptions(args);
  if (typeof options === 'string') {
    console.error(`bench:browser: ${options}\n${USAGE}`);
    return 2;
  }
  if (!existsSync('dist')) {
    console.error('bench:browser: no dist/ folder; run `npm run build` first.');
    return 2;
  }
  const chromePath = findChromium();
  if (!chromePath) {
    console.error(CHROMIUM_MISSING);
    return 2;
  }
  const base = process.env['SITE_BASE'] ?? '/';
  const started = performance.now();
  const figures: Figure[] = [];
  const server = await serveStatic('dist', base);
  try {
    const weight = measureWeight('dist', base);
    figures.push(...weight.figures);
    const launched = await launchChromium();
    try {
      figures.push(...(await measureInteractions(launched.browser, server, options.runs)));
      figures.push(...(await measureLongTasks(launched.browser, server, options.runs)));
      progress('soak');
      figures.push(...(await measureSoak(launched.browser, server, options.quick ? 90 : 365)));
    } finally {
      await launched.close();
    }
    if (options.lighthouse) {
      const pagesByType = new Map([...weight.heaviest].map(([type, page]) => [type, page.page]));
      figures.push(...(await measureLighthouse(chromePath, server.url, pagesByType, options.quick ? 1 : 3)));
    }
  } catch (error) {
    if (figures.length > 0) console.log(formatFigures(figures));
    if (error instanceof BrokenPage) {
      console.error(`bench:browser: a page is broken: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await server.close();
  }
  const seconds = Math.round((performance.now() - started) / 1000);
  console.log(
    `Browser benchmarks, ${new Date().toISOString().slice(0, 10)}, Chromium at ${chromePath}; ${options.runs} run(s) per interaction figure, CPU slowdown ${CPU_SLOWDOWN}× for interactions; ${seconds} s.\n`,
  );
  console.log(formatFigures(figures));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
