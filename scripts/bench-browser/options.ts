/** What `npm run bench:browser -- …` was asked for. */
export interface Options {
  runs: number;
  quick: boolean;
  lighthouse: boolean;
}

export const USAGE = 'usage: npm run bench:browser [-- --runs N] [--quick] [--no-lighthouse]';

/** The options, or the message that says what is wrong with them. */
export function parseOptions(args: readonly string[]): Options | string {
  const options: Options = { runs: 3, quick: false, lighthouse: true };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--no-lighthouse') options.lighthouse = false;
    else if (arg === '--runs') {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 50) return `--runs takes a whole number from 1 to 50, not ${JSON.stringify(args[i] ?? '')}`;
      options.runs = n;
    } else return `unknown option ${arg}`;
  }
  // A quick run measures each figure once and plays a shorter soak: a smoke test of the figures, not figures to quote.
  if (options.quick && !args.includes('--runs')) options.runs = 1;
  return options;
}
