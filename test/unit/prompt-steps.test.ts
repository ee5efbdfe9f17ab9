import { describe, expect, test } from 'vitest';
import { promptSteps } from '../../src/components/scenario/prompt-steps.ts';

const step = (at: string, pause = false) => ({ at, text: 'x', ...(pause ? { pause } : {}) });
const prompt = (at?: string) => ({ ...(at ? { at } : {}), question: 'q', choices: ['a', 'b'], answer: 0, explanation: 'e' });

describe('promptSteps: the pause that brings up each question', () => {
  test('a prompt goes to the last step at or before its moment, when that step is a pause', () => {
    const narration = [step('day 1 09:00', true), step('day 1 09:01'), step('day 10 12:00', true), step('day 31 09:00', true), step('day 32 12:00')];
    const { byStep, asked } = promptSteps(narration, [prompt('day 1 09:01'), prompt('day 10 12:00'), prompt('day 31 10:00'), prompt('day 33 00:00'), prompt()]);
    // 09:01 follows a plain step: asked after the narration; 10:00 on day 31 falls to that day's pause.
    expect(byStep).toEqual([[], [], [1], [2], []]);
    expect([...asked]).toEqual([1, 2]);
  });

  test('two prompts at one pause are both asked there, in order; one before any step is not', () => {
    const { byStep, asked } = promptSteps(
      [step('day 2 20:00', true), step('day 4 20:00', true)],
      [prompt('day 4 20:00'), prompt('day 1 00:00'), prompt('day 4 20:00')],
    );
    expect(byStep).toEqual([[], [0, 2]]);
    expect(asked.has(1)).toBe(false);
  });
});
