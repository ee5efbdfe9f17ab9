/**
 * Publishes each simulator's sticky clock height as `--controls-height`, so the provider's
 * column on a wide screen sticks just under the clock however tall the clock has wrapped.
 */
export function trackControlsHeight(root: ParentNode): void {
  if (typeof ResizeObserver === 'undefined') return;
  for (const controls of root.querySelectorAll<HTMLElement>('.simulator > .controls.sticky')) {
    const simulator = controls.parentElement as HTMLElement;
    new ResizeObserver(() => simulator.style.setProperty('--controls-height', `${Math.ceil(controls.getBoundingClientRect().height) + 8}px`)).observe(controls);
  }
}
