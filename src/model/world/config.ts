import { realCrypto } from '../crypto.ts';
import { APPLE_2016, QUEUE_HOLD_DAYS } from '../policy.ts';
import { DAY, HOUR } from '../time.ts';
import type { Engine, WorldConfig } from './types.ts';

export const DEFAULT_CONFIG: WorldConfig = {
  lookupCacheMs: 24 * HOUR,
  queueHoldMs: QUEUE_HOLD_DAYS * DAY,
  scrubWindowMs: null,
  journal: true,
  deviceHistory: null,
};

export const DEFAULT_ENGINE: Engine = { crypto: realCrypto, policies: [APPLE_2016] };
