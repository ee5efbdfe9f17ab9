/** The parts of the benchmark, in the order they run and print. */
export const PARTS = ['weight', 'interactions', 'long-tasks', 'soak', 'lighthouse'] as const;
export type Part = (typeof PARTS)[number];

/** What `npm run bench:browser -- …` was asked for. */
export interface Options {
  runs: number;
  quick: boolean;
  /** The parts to run, in PARTS order: all of them unless `--only` or `--no-lighthouse` says otherwise. */
  parts: Part[];
}

export const USAGE = `usage: npm run bench:browser [-- --runs N] [--quick] [--no-lighthouse] [--only ${PARTS.join(',')}]`;

const isPart = (name: string): name is Part => (PARTS as readonly string[]).includes(name);

/** The options, or the message that says what is wrong with them. */
export function parseOptions(args: readonly string[]): Options | string {
  const options: Options = { runs: 3, quick: false, parts: [...PARTS] };
  let lighthouse = true;
  let only: Set<Part> | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--no-lighthouse') lighthouse = false;
    else if (arg === '--runs') {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 50) return `--runs takes a whole number from 1 to 50, not ${JSON.stringify(args[i] ?? '')}`;
      options.runs = n;
    } else if (arg === '--only') {
      const list = args[++i];
      if (list === undefined || list.startsWith('--')) return `--only takes a comma-separated list of parts from: ${PARTS.join(', ')}`;
      only ??= new Set();
      for (const name of list.split(',').map((s) => s.trim())) {
        if (!isPart(name)) return `--only: no part called ${JSON.stringify(name)}; the parts are ${PARTS.join(', ')}`;
        only.add(name);
      }
    } else return `unknown option ${arg}`;
  }
  options.parts = PARTS.filter((part) => (only ? only.has(part) : true) && (lighthouse || part !== 'lighthouse'));
  if (options.parts.length === 0) return '--only lighthouse with --no-lighthouse leaves nothing to run';
  // A quick run measures each figure once and plays a shorter soak: a smoke test of the figures, not figures to quote.
  if (options.quick && !args.includes('--runs')) options.runs = 1;
  return options;
}
