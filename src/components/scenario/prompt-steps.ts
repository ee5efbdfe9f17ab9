import { parseDayTime } from '../../model/index.ts';
import type { NarrationStep, Prompt } from '../../lib/scenario-teaching';

export interface PromptSteps {
  /** Per narration step, the indexes of the prompts it brings up. */
  byStep: number[][];
  /** Every prompt some step brings up; the rest are asked after the narration. */
  asked: Set<number>;
}

/**
 * Which narration step brings up each prompt: the last step at or before the prompt's moment, when
 * that step is a pause ("Pause and discuss"), so the question comes where the story stops for it.
 * Prompts without a moment, or with no pause before them, are asked after the narration instead.
 */
export function promptSteps(narration: readonly NarrationStep[], prompts: readonly Prompt[]): PromptSteps {
  const times = narration.map((s) => parseDayTime(s.at) ?? 0);
  const byStep: number[][] = narration.map(() => []);
  const asked = new Set<number>();
  prompts.forEach((prompt, p) => {
    const t = prompt.at === undefined ? undefined : parseDayTime(prompt.at);
    if (t === undefined) return;
    const step = times.findLastIndex((s) => s <= t);
    if (step < 0 || !narration[step]?.pause) return;
    byStep[step]!.push(p);
    asked.add(p);
  });
  return { byStep, asked };
}
