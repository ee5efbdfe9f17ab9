import { DAY, HOUR, presetById, selectNow, type startSimulation } from '../../model/index.ts';

/** Where a writer's figure starts: the day it opens on (1-based, at noon) and the preset it runs under. */
export interface FigureStart {
  day?: number | undefined;
  policy?: string | undefined;
}

/**
 * Puts a figure's simulation where the writer said it starts: its policy, then its day. Time never
 * runs backwards, so a reader who already moved the figure on keeps their moment.
 */
export function applyStart(actor: ReturnType<typeof startSimulation>, start: FigureStart): void {
  const preset = start.policy === undefined ? undefined : presetById(start.policy);
  if (preset && actor.getSnapshot().context.policy.id !== preset.id) actor.send({ type: 'policy.set', policy: preset });
  if (start.day === undefined) return;
  const t = (start.day - 1) * DAY + 12 * HOUR;
  if (t > selectNow(actor.getSnapshot().context)) actor.send({ type: 'time.jumpTo', t });
}

/** One key per distinct start, so each is applied to a simulation once. */
export function startKey(start: FigureStart): string {
  return `${start.day ?? ''}|${start.policy ?? ''}`;
}
