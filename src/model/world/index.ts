/** The world: the reducer that keeps the simulation's bookkeeping. The model's index.ts re-exports what others may use. */
export { apply, rejection } from './apply.ts';
export { createWorld } from './create.ts';
export { DEFAULT_CONFIG, DEFAULT_ENGINE } from './config.ts';
export { resolveAddress } from './directory.ts';
export { device, person } from './access.ts';
export type * from './types.ts';
