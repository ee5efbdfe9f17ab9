import { p256 } from '@noble/curves/nist.js';
import { gcm } from '@noble/ciphers/aes.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { drawKeySeed, drawSealing, KEY_SEED, type Crypto, type Envelope, type SealInputs } from './crypto.ts';

/**
 * The cryptography (see crypto.ts for the model's side): ECIES on P-256 (ephemeral ECDH,
 * HKDF-SHA256, AES-256-GCM) and ECDSA P-256 signatures, with noble's audited libraries. Node runs
 * seal with it as they send (`realCrypto`); the page loads this module in idle time and seals what
 * a view shows (`sealEnvelope`), from the inputs `deferredCrypto` wrote down.
 */

export interface DeviceKeys {
  /** Hex of the compressed P-256 public encryption key, as published in the key directory. */
  encryptionPublic: string;
  /** Hex of the compressed P-256 public signing key. */
  signingPublic: string;
  /** Private keys stay in device state only. */
  encryptionSecret: string;
  signingSecret: string;
}

// noble builds a table of multiples of the base point on first use, sized for servers that make
// many thousands of keys and signatures (window 6). A page makes a few dozen: window 4 builds a
// table under half the size, which is most of the cost of a page's first key, and each
// multiplication then takes a few more additions.
p256.Point.BASE.precompute(4);

const INFO = utf8ToBytes('what-the-server-keeps/message/v1');
const NONCE = 12;

function signedBytes(e: Pick<Envelope, 'ephemeral' | 'nonce' | 'ciphertext'>): Uint8Array {
  return utf8ToBytes(`${e.ephemeral}.${e.nonce}.${e.ciphertext}`);
}

function messageKey(shared: Uint8Array, ephemeralPublic: Uint8Array): Uint8Array {
  return hkdf(sha256, shared, ephemeralPublic, INFO, 32);
}

/**
 * Remembers what `derive` returns for each seed. Derivation is deterministic, so forgetting is
 * always safe: the memo is emptied when it reaches `limit` seeds, which bounds its memory in long
 * runs that keep adding devices (the benchmark has 3,000).
 */
function memoKeys(derive: (seed: string) => DeviceKeys, limit = 10_000): (seed: string) => DeviceKeys {
  const derived = new Map<string, DeviceKeys>();
  return (seed) => {
    let keys = derived.get(seed);
    if (keys === undefined) {
      if (derived.size >= limit) derived.clear();
      keys = derive(seed);
      derived.set(seed, keys);
    }
    return keys;
  };
}

/** The key pairs a device's key seed derives: computed on first use, then remembered. */
export const deviceKeys = memoKeys((seed) => {
  const bytes = hexToBytes(seed);
  const enc = p256.keygen(bytes.subarray(0, KEY_SEED));
  const sig = p256.keygen(bytes.subarray(KEY_SEED));
  return {
    encryptionPublic: bytesToHex(enc.publicKey),
    signingPublic: bytesToHex(sig.publicKey),
    encryptionSecret: bytesToHex(enc.secretKey),
    signingSecret: bytesToHex(sig.secretKey),
  };
});

/** Seals one envelope from its inputs: the same inputs give the same bytes. */
export function sealEnvelope(inputs: SealInputs): Envelope {
  const eph = p256.keygen(hexToBytes(inputs.ephemeralSeed));
  const shared = p256.getSharedSecret(eph.secretKey, hexToBytes(deviceKeys(inputs.recipientKeySeed).encryptionPublic));
  const nonce = hexToBytes(inputs.nonce);
  const ciphertext = gcm(messageKey(shared, eph.publicKey), nonce).encrypt(utf8ToBytes(inputs.plaintext));
  const unsigned = { ephemeral: bytesToHex(eph.publicKey), nonce: inputs.nonce, ciphertext: bytesToHex(ciphertext) };
  const signature = p256.sign(signedBytes(unsigned), hexToBytes(deviceKeys(inputs.senderKeySeed).signingSecret), { prehash: true, lowS: true });
  return { ...unsigned, signature: bytesToHex(signature), size: eph.publicKey.length + NONCE + ciphertext.length + signature.length };
}

/** Verifies the signature, then decrypts. Throws when either fails. */
export function openEnvelope(envelope: Envelope, recipientKeySeed: string, senderKeySeed: string): string {
  const ok = p256.verify(hexToBytes(envelope.signature), signedBytes(envelope), hexToBytes(deviceKeys(senderKeySeed).signingPublic), {
    prehash: true,
    lowS: true,
  });
  if (!ok) throw new Error('signature does not verify: the envelope was not sent by that device');
  const ephemeral = hexToBytes(envelope.ephemeral);
  const shared = p256.getSharedSecret(hexToBytes(deviceKeys(recipientKeySeed).encryptionSecret), ephemeral);
  const plain = gcm(messageKey(shared, ephemeral), hexToBytes(envelope.nonce)).decrypt(hexToBytes(envelope.ciphertext));
  return new TextDecoder().decode(plain);
}

/** Seals every envelope as it is sent, and every recipient verifies and decrypts it. */
export const realCrypto: Crypto = {
  name: 'p256-ecies-aes256gcm',
  keySeed: drawKeySeed,
  seal: (plaintext, recipientKeySeed, senderKeySeed, rng) => sealEnvelope(drawSealing(plaintext, recipientKeySeed, senderKeySeed, rng)),
  open: openEnvelope,
};
