// Scaffolds a new explainer: content/explainers/<slug>.mdx, with frontmatter and one example of
// each common component, ready to build. Usage: npm run new:explainer <slug>
// Exit codes: 0 written, 1 the file exists already (never overwritten), 2 bad arguments.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ID_RULE, isId } from '../src/model/index.ts';

export const USAGE = `Usage: npm run new:explainer <slug>

  <slug>  the explainer's address and file name: lower-case letters, digits and single hyphens,
          3 to 60 characters (e.g. push-routing-explained).
          Writes content/explainers/<slug>.mdx; the page appears at /explainers/<slug>/.`;

/** Why `slug` is not a valid slug, or undefined when it is. */
export function slugProblem(slug: string): string | undefined {
  if (slug.length < 3 || slug.length > 60) return `"${slug}" is ${slug.length} characters long; a slug has 3 to 60`;
  if (!isId(slug)) return `"${slug}" is not a slug: use ${ID_RULE}`;
  return undefined;
}

/** "push-routing-explained" → "Push routing explained". */
function titleOf(slug: string): string {
  const words = slug.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The new file's text: valid as it stands, so the site builds the moment it is written. */
export function scaffold(slug: string, date: string): string {
  return `---
title: "${titleOf(slug)}"
description: "Say in one sentence what a reader will understand after reading this."
author: Your name
published: ${date}
sources:
  - intercept-2016
---

Start with what the reader can see or do. Every claim about a real company needs a citation from
content/sources/ <Cite id="intercept-2016" />. The writers' guide at /writing/ shows every component.

<Simulation scenario="a-number-typed" panels="composer,ledger" caption="Type a name and watch the provider's side" />

<Aside title="A side note">
Asides hold what a curious reader may want and a hurried one may skip.
</Aside>

<Predict question="Was anything recorded before a message was sent?" choices={["No", "Yes: a lookup record"]} answer={1}>
  Entering an address makes the phone look it up, and the lookup is recorded <Cite id="intercept-2016" />.
</Predict>
`;
}

export interface RunOptions {
  /** Folder to write into (tests use a temporary one). */
  dir?: string;
  /** Today's date, YYYY-MM-DD. */
  today?: string;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

/** Runs the command on `args` and returns its exit code. */
export function run(args: readonly string[], options: RunOptions = {}): number {
  const { dir = 'content/explainers', today = new Date().toISOString().slice(0, 10), out = console.log, err = console.error } = options;
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    out(USAGE);
    return 0;
  }
  if (args.length !== 1) {
    err(`new:explainer: expected one slug, got ${args.length === 0 ? 'none' : `${args.length} arguments (${args.join(' ')})`}\n\n${USAGE}`);
    return 2;
  }
  const slug = args[0]!;
  const problem = slugProblem(slug);
  if (problem) {
    err(`new:explainer: ${problem}\n\n${USAGE}`);
    return 2;
  }
  const file = join(dir, `${slug}.mdx`);
  if (existsSync(file)) {
    err(`new:explainer: ${file} exists already; not overwriting it. Choose another slug, or edit that file.`);
    return 1;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, scaffold(slug, today), { flag: 'wx' });
  out(`Wrote ${file}. Run npm start and open /explainers/${slug}/ to see it.`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = run(process.argv.slice(2));
}
