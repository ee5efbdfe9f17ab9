/** Runs `run` in idle time where the browser offers it (Safari does not), else in a task of its own. */
export function later(run: () => void, timeout = 1000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout });
  else setTimeout(run, 0);
}

/** Runs `run` in a task after the browser has painted what the current task changed. */
export function afterNextPaint(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
}
