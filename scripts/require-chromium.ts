// Fails fast, in one line, when the browser tests have no Chromium to drive.
import { CHROMIUM_MISSING, findChromium } from '../tools/chromium.ts';

if (!findChromium()) {
  console.error(CHROMIUM_MISSING);
  process.exit(1);
}
