// Runs a scenario from the command line and prints what the provider holds at the end, or the journal.
// Usage: npm run simulate -- --scenario <file|id> [--seed N] [--policy id] [--until <days>] [--format json|csv] [--journal]
//   [--lookup-cache-hours N] [--queue-hold-days N] [--stale-on-device-change on|off] (assumptions; see --help)
// Exit codes: 0 printed (or the reader of a pipe stopped early); 2 bad arguments or scenario (the
// message says what to fix); 1 a bug, or the output could not be written.
// The logic lives in scripts/simulate-lib.ts; this file only reads argv, prints and sets the exit code.
import { exitCodeFor, isCliError, parseArgs, render, USAGE, type Progress } from './simulate-lib.ts';

// A reader that stops early (`| head`) closes the pipe: that is not an error, so it ends quietly with
// 0. Any other failure to write (a full disk: ENOSPC) gets one line and status 1, not a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`simulate: cannot write the output: ${error.code ?? error.message}\n`);
  process.exit(1);
});

/** A step count on stderr, only when a person watches (a TTY) and the run has taken over a second. */
function progress(): { report: Progress; clear: () => void } | undefined {
  if (!process.stderr.isTTY) return undefined;
  const start = performance.now();
  let shown = false;
  return {
    report: (done, total) => {
      if (performance.now() - start < 1000) return;
      shown = true;
      process.stderr.write(`\rsimulate: step ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`);
    },
    clear: () => {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

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
  const bar = progress();
  try {
    const text = render(options, { header: (line) => process.stderr.write(line), ...(bar ? { onProgress: bar.report } : {}) });
    bar?.clear();
    process.stdout.write(text);
    return 0;
  } catch (error) {
    bar?.clear();
    const code = exitCodeFor(error);
    process.stderr.write(code === 1 ? `simulate: unexpected error\n${(error as Error).stack ?? String(error)}\n` : `simulate: ${(error as Error).message}\n`);
    return code;
  }
}

// exitCode, not exit(): a long output piped to another program is flushed before Node exits.
process.exitCode = main(process.argv.slice(2));
