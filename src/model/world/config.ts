import { assumptionConfig, DEFAULT_ASSUMPTIONS } from '../assumptions.ts';
import { realCrypto } from '../crypto.ts';
import { APPLE_2016 } from '../policy.ts';
import type { Engine, WorldConfig } from './types.ts';

export const DEFAULT_CONFIG: WorldConfig = {
  // The modelled unknowns take their defaults from the assumptions table (assumptions.ts).
  ...(assumptionConfig(DEFAULT_ASSUMPTIONS) as Pick<WorldConfig, 'lookupCacheMs' | 'queueHoldMs' | 'staleOnDeviceChange'>),
  scrubWindowMs: null,
  journal: true,
  deviceHistory: null,
};

export const DEFAULT_ENGINE: Engine = { crypto: realCrypto, policies: [APPLE_2016] };
