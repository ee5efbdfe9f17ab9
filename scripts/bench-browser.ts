// Browser benchmarks: prints timing and weight figures of the built site, never fails because a machine is slow.
// Usage: npm run bench:browser [-- --runs N] [--quick] [--no-lighthouse] [--only <parts>]   (run `npm run build` first)
// --only takes a comma-separated list of parts (weight, interactions, long-tasks, soak, lighthouse) and runs those alone.
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
import { PARTS, USAGE, parseOptions, type Part } from './bench-browser/options.ts';
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
  const wants = (part: Part) => options.parts.includes(part);
  // Weight alone needs no browser.
  const needsBrowser = options.parts.some((part) => part !== 'weight');
  const chromePath = needsBrowser ? findChromium() : undefined;
  if (needsBrowser && !chromePath) {
    console.error(CHROMIUM_MISSING);
    return 2;
  }
  const base = process.env['SITE_BASE'] ?? '/';
  const started = performance.now();
  const figures: Figure[] = [];
  const server = await serveStatic('dist', base);
  try {
    // Lighthouse audits the heaviest page of each type, so it reads the weights even when they are not printed.
    const weight = wants('weight') || wants('lighthouse') ? measureWeight('dist', base) : undefined;
    if (weight && wants('weight')) figures.push(...weight.figures);
    if (wants('interactions') || wants('long-tasks') || wants('soak')) {
      const launched = await launchChromium();
      try {
        if (wants('interactions')) figures.push(...(await measureInteractions(launched.browser, server, options.runs)));
        if (wants('long-tasks')) figures.push(...(await measureLongTasks(launched.browser, server, options.runs)));
        if (wants('soak')) {
          progress('soak');
          figures.push(...(await measureSoak(launched.browser, server, options.quick ? 90 : 365)));
        }
      } finally {
        await launched.close();
      }
    }
    if (weight && chromePath && wants('lighthouse')) {
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
  const heading = [
    `Browser benchmarks, ${new Date().toISOString().slice(0, 10)}, ${options.parts.length === PARTS.length ? 'all parts' : `only ${options.parts.join(', ')}`}`,
    chromePath ? `Chromium at ${chromePath}` : 'no browser',
  ];
  if (wants('interactions') || wants('long-tasks'))
    heading.push(`${options.runs} run(s) per interaction figure, CPU slowdown ${CPU_SLOWDOWN}× for interactions`);
  console.log(`${heading.join('; ')}; ${seconds} s.\n`);
  console.log(formatFigures(figures));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
