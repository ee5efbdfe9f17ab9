/**
 * Helpers for citations: the words the site uses for each marker, claim and date formatting, and a
 * file-system reader of source ids for tests and build checks. Uses node:fs, so it belongs to the
 * build and tests, never to a browser island.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Source, SourceClaim, SourceMarker } from './source-schema.ts';

export const SOURCES_DIR = 'content/sources';

/**
 * Ids of every source in `dir` (relative to the working directory, i.e. the project root under npm
 * scripts). A source's id is its file name, which test/unit/sources.test.ts enforces, so this
 * need not parse the YAML. Use it to check that every cited id exists.
 */
export function readSourceIds(dir: string = SOURCES_DIR): Set<string> {
  return new Set(
    readdirSync(resolve(dir))
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => name.slice(0, -'.yaml'.length)),
  );
}

/** The words shown for each marker: a short label and what it means for the reader. */
export const MARKER_TEXT: Readonly<Record<SourceMarker, { label: string; meaning: string }>> = {
  C: {
    label: 'Read',
    meaning: 'We read the source itself.',
  },
  C2: {
    label: 'Read as quoted',
    meaning: 'We read it as another source quoted it, not in the original.',
  },
  R: {
    label: 'Not yet checked',
    meaning: 'Recalled from an earlier reading; we have not yet checked it against the text.',
  },
  U: {
    label: 'Uncertain',
    meaning: 'Sources disagree, or the meaning is unclear.',
  },
};

/** In the order FACTS.md defines them, from best checked to least. */
export const MARKER_ORDER: readonly SourceMarker[] = ['C', 'C2', 'R', 'U'];

export function claimText(claim: SourceClaim): string {
  return claim.text;
}

/** A claim carries its source's marker unless it names its own. */
export function claimMarker(claim: SourceClaim, source: Pick<Source, 'marker'>): SourceMarker {
  return claim.marker ?? source.marker;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** "2016-09-28" → "28 September 2016", "2015-09" → "September 2015", "2016" → "2016". */
export function formatSourceDate(date: string): string {
  const [year, month, day] = date.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? date;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/**
 * "The Intercept (Sam Biddle), 28 September 2016": a source's publisher and date, as the site's
 * pages cite it; the publisher alone when undated. (Simulator panels, which are browser islands,
 * cite by the short names in lib/sim/legal/source-labels.ts instead.)
 */
export function sourceByline(source: Pick<Source, 'publisher' | 'date'>): string {
  return source.date ? `${source.publisher}, ${formatSourceDate(source.date)}` : source.publisher;
}
