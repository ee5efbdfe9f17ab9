/**
 * The teaching half of a scenario (summary, goals, narration, prompts, discussion, sources,
 * corrections, activity): the checks its zod schema cannot make, and helpers for pages that show
 * it. The shapes live in src/lib/teaching-schema.ts. Plain functions of plain data that import
 * neither zod nor node:fs, so a page or an island may use them; the caller passes the known source ids.
 */
import type { ScenarioTeaching } from './teaching-schema.ts';
import { DAY, isId, parseDayTime, type ScenarioCore, type ScenarioIssue } from '../model/index.ts';
import { isApplePreset } from './sim/legal/provider.ts';

/** The teaching fields, as the scenarios collection's schema gives them. */
export type { NarrationStep, Prompt, DiscussionItem, Correction, ScenarioTeaching } from './teaching-schema.ts';

/* ------------------------------------------------------------------ citations */

/**
 * An inline citation in any teaching text: `{cite:intercept-2016}`. Pages render it as a link to
 * /sources/#<id>; the schema checks that the id exists and is listed in the scenario's `sources`.
 */
const CITE = /\{cite:([^{}]*)\}/g;

export type TextPart = { kind: 'text'; text: string } | { kind: 'cite'; id: string };

/** Splits a teaching text into plain runs and citations, in order. */
export function splitCitations(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(CITE)) {
    if (m.index > last) parts.push({ kind: 'text', text: text.slice(last, m.index) });
    parts.push({ kind: 'cite', id: (m[1] ?? '').trim() });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** The source ids a text cites, in order of first appearance. */
export function citedIds(text: string): string[] {
  const ids: string[] = [];
  for (const part of splitCitations(text)) if (part.kind === 'cite' && !ids.includes(part.id)) ids.push(part.id);
  return ids;
}

/** The text without its citation markers, for places that cannot link (titles, announcements). */
export function withoutCitations(text: string): string {
  return text.replace(/\s*\{cite:[^{}]*\}/g, '');
}

/* ------------------------------------------------------------------ checks */

type Scenario = Pick<ScenarioCore, 'title' | 'policy' | 'duration' | 'version'> & ScenarioTeaching;
type Path = (string | number)[];

/** Every reader-facing text of the teaching fields (and the title), with its field path. */
export function teachingTexts(s: Scenario): [Path, string][] {
  const out: [Path, string][] = [
    [['title'], s.title],
    [['summary'], s.summary],
  ];
  s.goals.forEach((g, i) => out.push([['goals', i], g]));
  s.narration.forEach((n, i) => out.push([['narration', i, 'text'], n.text]));
  s.prompts.forEach((p, i) => {
    out.push([['prompts', i, 'question'], p.question]);
    p.choices.forEach((c, j) => out.push([['prompts', i, 'choices', j], c]));
    out.push([['prompts', i, 'explanation'], p.explanation]);
  });
  s.discussion.forEach((d, i) => {
    out.push([['discussion', i, 'question'], d.question]);
    out.push([['discussion', i, 'notes'], d.notes]);
  });
  (s.corrections ?? []).forEach((c, i) => out.push([['corrections', i, 'text'], c.text]));
  s.activity.steps.forEach((step, i) => out.push([['activity', 'steps', i], step]));
  return out;
}

/**
 * The checks on the teaching fields that a schema cannot express. Each issue names the field path
 * and says what was expected. Assumes the shapes already passed the schema.
 *  - narration and prompt times lie within the scenario and narration never runs backwards;
 *  - a prompt's answer is one of its choices;
 *  - every source id (listed or cited inline) is a file in content/sources/, and every inline
 *    citation is listed in `sources`, so that list is the scenario's whole bibliography;
 *  - "Apple" appears only when an Apple preset is the scenario's policy (DESIGN.md: say "the
 *    provider" otherwise), so a scenario never pins a company's name on a hypothetical policy;
 *  - a correction belongs to a version the scenario has reached.
 */
export function teachingIssues(s: Scenario, knownSourceIds: ReadonlySet<string>): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const end = s.duration * DAY;
  const within = (at: string, path: Path) => {
    const t = parseDayTime(at) as number;
    if (t > end) issues.push({ path, message: `a time within the scenario's ${s.duration} days (day 1 to "day ${s.duration} 23:59"), not "${at}"` });
    return t;
  };

  let previous = 0;
  s.narration.forEach((step, i) => {
    const t = within(step.at, ['narration', i, 'at']);
    if (t < previous)
      issues.push({ path: ['narration', i, 'at'], message: `a time at or after the step before (${s.narration[i - 1]?.at}): narration cannot go backwards` });
    previous = Math.max(previous, t);
  });

  s.prompts.forEach((p, i) => {
    if (p.at !== undefined) within(p.at, ['prompts', i, 'at']);
    if (p.answer >= p.choices.length) {
      issues.push({
        path: ['prompts', i, 'answer'],
        message: `the index of the right choice, from 0 to ${p.choices.length - 1} (choices count from 0), not ${p.answer}`,
      });
    }
    p.choices.forEach((c, j) => {
      if (p.choices.indexOf(c) !== j) issues.push({ path: ['prompts', i, 'choices', j], message: `choices that differ, but "${c}" repeats` });
    });
  });

  s.sources.forEach((id, i) => {
    if (!knownSourceIds.has(id)) issues.push({ path: ['sources', i], message: unknownSource(id) });
    else if (s.sources.indexOf(id) !== i) issues.push({ path: ['sources', i], message: `each source listed once, but "${id}" repeats` });
  });

  const apple = isApplePreset(s.policy);
  const policyName = typeof s.policy === 'string' ? s.policy : `a custom policy based on ${s.policy.base}`;
  for (const [path, text] of teachingTexts(s)) {
    for (const id of citedIds(text)) {
      if (!isId(id)) issues.push({ path, message: `citations written {cite:source-id} with a kebab-case id, not "{cite:${id}}"` });
      else if (!knownSourceIds.has(id)) issues.push({ path, message: unknownSource(id, true) });
      else if (!s.sources.includes(id))
        issues.push({ path, message: `a citation of a source listed in this scenario's sources, but "${id}" is not listed: add it to sources` });
    }
    if (!apple && /\bApple\b/.test(text)) {
      issues.push({ path, message: `no "Apple" in a scenario whose policy is ${policyName}: say "the provider" (name Apple only under an Apple preset)` });
    }
  }

  (s.corrections ?? []).forEach((c, i) => {
    if (c.version > s.version)
      issues.push({ path: ['corrections', i, 'version'], message: `a version this scenario has reached (1 to ${s.version}), not ${c.version}` });
  });
  return issues;
}

function unknownSource(id: string, inline = false): string {
  return `${inline ? 'a citation of ' : ''}a source id from content/sources/ (a file content/sources/<id>.yaml), but there is no "${id}"`;
}
