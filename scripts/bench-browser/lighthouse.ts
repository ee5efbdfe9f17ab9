import type { PageType } from '../budget-rules.ts';
import { audit, auditValue, categoryScore, launchForLighthouse, type LighthouseResult } from '../lighthouse-lib.ts';
import type { Figure } from './figures.ts';
import { progress } from './session.ts';
import { REFERENCE_PAGE } from './weight.ts';

/** Lighthouse's performance score, total blocking time and largest contentful paint, `runs` audits of each page, beside /sources/. */
export async function measureLighthouse(chromePath: string, siteUrl: string, pagesByType: Map<PageType, string>, runs: number): Promise<Figure[]> {
  const chrome = await launchForLighthouse(chromePath);
  const results = new Map<string, LighthouseResult[]>();
  // The reference, /sources/, is itself a text-only page and stands for that type, which keeps the run short.
  const measured = [...pagesByType].filter(([type]) => type !== 'text-only');
  const targets = [...measured.map(([, page]) => page), REFERENCE_PAGE];
  try {
    for (const page of targets) {
      const reports: LighthouseResult[] = [];
      for (let run = 1; run <= runs; run++) {
        progress(`Lighthouse /${page}, run ${run} of ${runs}`);
        reports.push(await audit(siteUrl + page, chrome.port, ['performance']));
      }
      results.set(page, reports);
    }
  } finally {
    chrome.kill();
  }
  const reference = results.get(REFERENCE_PAGE)!;
  const metrics = [
    { label: 'performance', unit: 'score' as const, read: (lhr: LighthouseResult) => categoryScore(lhr, 'performance') },
    { label: 'TBT', unit: 'ms' as const, read: (lhr: LighthouseResult) => auditValue(lhr, 'total-blocking-time') ?? null },
    { label: 'LCP', unit: 'ms' as const, read: (lhr: LighthouseResult) => auditValue(lhr, 'largest-contentful-paint') ?? null },
  ];
  const figures: Figure[] = [];
  for (const [type, page] of measured) {
    for (const metric of metrics) {
      figures.push({
        name: `Lighthouse ${metric.label}, ${type} (/${page})`,
        unit: metric.unit,
        values: results.get(page)!.map(metric.read),
        reference: reference.map(metric.read),
        ...(figures.length === 0
          ? { note: 'Lighthouse mobile defaults (simulated 4× CPU slowdown and slow 4G), performance category only; /sources/ stands for the text-only pages.' }
          : {}),
      });
    }
  }
  return figures;
}
