import type * as RealCrypto from '../../model/real-crypto.ts';

export type RealCryptoModule = typeof RealCrypto;

let loading: Promise<RealCryptoModule> | undefined;

/**
 * The cryptography library and the real sealing (src/model/real-crypto.ts), fetched once: in idle
 * time after the page loads (`warmIslands`), or at once by the first view that shows a ciphertext.
 * It is not in any page's first load. A failed fetch (offline before it loaded) is forgotten, so
 * the next view asks again.
 */
export function loadRealCrypto(): Promise<RealCryptoModule> {
  loading ??= import('../../model/real-crypto.ts').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
