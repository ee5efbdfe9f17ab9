import { assumptionConfig, DEFAULT_ASSUMPTIONS } from '../assumptions.ts';
import { deferredCrypto } from '../crypto.ts';
import { APPLE_2016 } from '../policy.ts';
import type { Engine, WorldConfig } from './types.ts';

export const DEFAULT_CONFIG: WorldConfig = {
  // The modelled unknowns take their defaults from the assumptions table (assumptions.ts).
  ...(assumptionConfig(DEFAULT_ASSUMPTIONS) as Pick<WorldConfig, 'lookupCacheMs' | 'queueHoldMs' | 'staleOnDeviceChange'>),
  scrubWindowMs: null,
  journal: true,
  deviceHistory: null,
};

// Real encryption sealed when a view shows it (crypto.ts): the same history as sealing on send,
// with no cryptography library in the model. Runs that want every envelope sealed pass realCrypto.
export const DEFAULT_ENGINE: Engine = { crypto: deferredCrypto, policies: [APPLE_2016] };
