// Runs a scenario from the command line and prints what the provider holds at the end, or the journal.
// Usage: npm run simulate -- --scenario <file|id> [--seed N] [--policy id] [--until <days>] [--format json|csv] [--journal]
//   [--lookup-cache-hours N] [--queue-hold-days N] [--stale-on-device-change on|off] (assumptions; see --help)
// Exit codes: 0 printed; 2 bad arguments or scenario (the message says what to fix); 1 a bug.
// The logic lives in scripts/simulate-lib.ts; this file only reads argv, prints and sets the exit code.
import { exitCodeFor, isCliError, parseArgs, render, USAGE } from './simulate-lib.ts';

function main(argv: string[]): number {
  const options = parseArgs(argv);
  if (isCliError(options)) {
    process.stderr.write(`simulate: ${options.error}\n`);
    return options.code;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    process.stdout.write(render(options, (line) => process.stderr.write(line)));
    return 0;
  } catch (error) {
    const code = exitCodeFor(error);
    process.stderr.write(code === 1 ? `simulate: unexpected error\n${(error as Error).stack ?? String(error)}\n` : `simulate: ${(error as Error).message}\n`);
    return code;
  }
}

// exitCode, not exit(): a long output piped to another program is flushed before Node exits.
process.exitCode = main(process.argv.slice(2));
