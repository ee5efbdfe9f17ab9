// Takes full-page screenshots of built pages at 320 px and 1280 px, light and dark, so a person
// can look at what the site shows. Usage: npm run screenshots -- [outDir] [path ...]
// Serves the existing dist/ (run `npm run build` first).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../tools/browser.ts';
import { serveStatic } from '../tools/static-server.ts';

const [outDir = 'screenshots', ...paths] = process.argv.slice(2);
const targets = paths.length > 0 ? paths : [''];
mkdirSync(outDir, { recursive: true });

const server = await serveStatic('dist', process.env['SITE_BASE'] ?? '/');
const { browser, close } = await launchChromium();
try {
  for (const path of targets) {
    for (const width of [320, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
        const page = await context.newPage();
        await page.goto(server.url + path.replace(/^\//, ''), { waitUntil: 'networkidle' });
        const name = `${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${width}-${colorScheme}.png`;
        await page.screenshot({ path: join(outDir, name), fullPage: true });
        console.log(join(outDir, name));
        await context.close();
      }
    }
  }
} finally {
  await close();
  await server.close();
}
