import { median } from '../../tools/sim-drive.ts';

/** One printed row: a figure measured some number of times, with the same figure on the reference page when there is one. */
export interface Figure {
  /** What was measured, and where: 'first Send (/simulator/)'. */
  name: string;
  unit: 'ms' | 'KB' | 'MB' | 'score' | 'ratio' | 'count';
  /** One value per run; null where a run saw nothing to report (an interaction under Event Timing's 16 ms floor). */
  values: (number | null)[];
  /** The reference page's values for the same figure, if that comparison means something. */
  reference?: (number | null)[];
  /** A short note printed after the row (the run's conditions, what a value of null means). */
  note?: string;
}

/** The floor Event Timing reports from: interactions faster than this leave no entry. */
export const EVENT_TIMING_FLOOR_MS = 16;

export interface Spread {
  min: number;
  median: number;
  max: number;
  /** Runs that reported nothing (below the Event Timing floor). */
  unreported: number;
}

/** Min, median and max of the reported values; undefined when no run reported one. */
export function spread(values: readonly (number | null)[]): Spread | undefined {
  const reported = values.filter((v): v is number => v !== null);
  if (reported.length === 0) return undefined;
  return { min: Math.min(...reported), median: median(reported), max: Math.max(...reported), unreported: values.length - reported.length };
}

function formatValue(value: number, unit: Figure['unit']): string {
  if (unit === 'KB' || unit === 'MB') return value.toFixed(1);
  if (unit === 'ratio') return value.toFixed(2);
  return String(Math.round(value));
}

/** A figure's medians over the reference's, when both exist and the reference is not zero. */
export function ratio(figure: Figure): number | undefined {
  const own = spread(figure.values);
  const ref = figure.reference ? spread(figure.reference) : undefined;
  if (!own || !ref || ref.median === 0) return undefined;
  return own.median / ref.median;
}

const HEADER = ['figure', 'unit', 'runs', 'min', 'median', 'max', 'reference /sources/', '× ref'];

/** The whole report as one aligned text table; notes follow it, numbered. */
export function formatFigures(figures: readonly Figure[]): string {
  const notes: string[] = [];
  const rows = figures.map((figure) => {
    const own = spread(figure.values);
    const ref = figure.reference ? spread(figure.reference) : undefined;
    const show = (s: Spread | undefined, key: 'min' | 'median' | 'max') =>
      s ? formatValue(s[key], figure.unit) : figure.values.length > 0 ? `< ${EVENT_TIMING_FLOOR_MS}` : '–';
    const r = ratio(figure);
    let name = figure.name;
    if (figure.note) {
      notes.push(figure.note);
      name += ` [${notes.length}]`;
    }
    return [
      name,
      figure.unit,
      own && own.unreported > 0 ? `${figure.values.length} (${own.unreported} < ${EVENT_TIMING_FLOOR_MS} ms)` : String(figure.values.length),
      show(own, 'min'),
      show(own, 'median'),
      show(own, 'max'),
      figure.reference ? show(ref, 'median') : '',
      r === undefined ? '' : r.toFixed(2),
    ];
  });
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ')
      .trimEnd();
  const body = [line(HEADER), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  return [...body, '', ...notes.map((note, i) => `[${i + 1}] ${note}`)].join('\n');
}
