import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PAGE_TYPES, pageTypeOf, textOnlyExplainers } from '../../scripts/budget-rules.ts';
import { hasFigures } from '../../src/lib/writing/figures.ts';

const dir = mkdtempSync(join(tmpdir(), 'wtsk-explainers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an explainer without figures is a text-only page (0 bytes of JavaScript)', () => {
  test('hasFigures sees figure components, and not components that render plain HTML', () => {
    expect(hasFigures('Text <Cite id="x" /> <Aside>note</Aside> <Predict question="q" choices={["a","b"]} answer={0}>x</Predict>')).toBe(false);
    expect(hasFigures('<Simulation scenario="a" />')).toBe(true);
    expect(hasFigures('Kept <Scrub bind="retentionDays" /> days')).toBe(true);
    expect(hasFigures('<Scrolly scenario="a">\n<Step day={1}>x</Step>\n</Scrolly>')).toBe(true);
    // Shown as code, not used.
    expect(hasFigures('Write `<Simulation scenario="a" />` to add one.\n```mdx\n<Ledger />\n```')).toBe(false);
  });

  test('textOnlyExplainers lists exactly the files without figures', () => {
    writeFileSync(join(dir, 'words.mdx'), '---\ntitle: x\n---\nJust words <Cite id="a" />.');
    writeFileSync(join(dir, 'figure.mdx'), '---\ntitle: x\n---\n<Simulation scenario="a" />');
    writeFileSync(join(dir, 'notes.txt'), '');
    expect(textOnlyExplainers(dir)).toEqual(['words']);
    expect(textOnlyExplainers(join(dir, 'missing'))).toEqual([]);
  });

  test('the real text-only explainer gets the text-only budget; explainers with figures keep theirs', () => {
    expect(textOnlyExplainers()).toContain('four-kinds-of-legal-process');
    expect(pageTypeOf('explainers/four-kinds-of-legal-process/')).toBe('text-only');
    expect(pageTypeOf('explainers/the-2016-lookup-logs/')).toBe('explainer');
    expect(pageTypeOf('explainers/')).toBe('text-only');
    expect(PAGE_TYPES.findIndex((r) => r.pattern === 'explainers/four-kinds-of-legal-process/**')).toBeLessThan(
      PAGE_TYPES.findIndex((r) => r.pattern === 'explainers/*/**'),
    );
  });
});
