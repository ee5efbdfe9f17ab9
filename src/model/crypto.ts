import { p256 } from '@noble/curves/nist.js';
import { gcm } from '@noble/ciphers/aes.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { SeededRandom } from './rng.ts';

/**
 * Per-device end-to-end encryption with standard primitives from audited libraries (noble):
 * ECIES on P-256 (ephemeral ECDH, HKDF-SHA256, AES-256-GCM) and ECDSA P-256 signatures,
 * the shape Apple describes for iMessage since iOS 13 (source: apple-platform-security-imessage).
 *
 * Keys and nonces come from the simulation's seeded generator so that the same seed gives the
 * same ciphertext bytes. That makes runs reproducible, and it is exactly why this is a teaching
 * model and not a messenger: real keys must come from a secure random source.
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

/** What the push service carries for one device: bytes it cannot read. */
export interface Envelope {
  /** Hex of the sender's ephemeral public key. */
  ephemeral: string;
  nonce: string;
  ciphertext: string;
  /** ECDSA signature by the sending device over ephemeral ‖ nonce ‖ ciphertext. */
  signature: string;
  /** Bytes on the wire: what routing metadata records as the size. */
  size: number;
}

export interface Crypto {
  /** A label shown in journals so nobody mistakes a metadata-only run for real encryption. */
  readonly name: 'p256-ecies-aes256gcm' | 'metadata-only';
  /**
   * A new device's key material, drawn from the simulation's generator: the hex seed its key
   * pairs derive from, which device state keeps. Deriving a key pair costs an elliptic-curve
   * multiplication, and a world creates every device at its start though most keys are not used
   * until a message is sealed to them; on a phone that was four fifths of a simulator page's
   * start-up task.
   */
  keySeed(rng: SeededRandom): string;
  /** The key pairs a seed derives: computed on first use, then remembered. */
  keys(seed: string): DeviceKeys;
  seal(plaintext: string, recipientPublic: string, senderSigningSecret: string, rng: SeededRandom): Envelope;
  /** Verifies the signature, then decrypts. Throws when either fails. */
  open(envelope: Envelope, recipientSecret: string, senderSigningPublic: string): string;
}

// noble builds a table of multiples of the base point on first use, sized for servers that make
// many thousands of keys and signatures (window 6). A page makes a few dozen: window 4 builds a
// table under half the size, which is most of the cost of a page's first key, and each
// multiplication then takes a few more additions.
p256.Point.BASE.precompute(4);

const INFO = utf8ToBytes('what-the-server-keeps/message/v1');
const COMPRESSED_POINT = 33;
const NONCE = 12;
const TAG = 16;

function signedBytes(e: Pick<Envelope, 'ephemeral' | 'nonce' | 'ciphertext'>): Uint8Array {
  return utf8ToBytes(`${e.ephemeral}.${e.nonce}.${e.ciphertext}`);
}

function messageKey(shared: Uint8Array, ephemeralPublic: Uint8Array): Uint8Array {
  return hkdf(sha256, shared, ephemeralPublic, INFO, 32);
}

/** Seed material per key pair: noble reduces 48 bytes modulo the curve order without bias. */
const KEY_SEED = 48;

function keygen(rng: SeededRandom): { secretKey: Uint8Array; publicKey: Uint8Array } {
  return p256.keygen(rng.bytes(KEY_SEED));
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

export const realCrypto: Crypto = {
  name: 'p256-ecies-aes256gcm',
  // One draw for both pairs: the same bytes, in the same order, as two key generations.
  keySeed: (rng) => bytesToHex(rng.bytes(2 * KEY_SEED)),
  keys: memoKeys((seed) => {
    const bytes = hexToBytes(seed);
    const enc = p256.keygen(bytes.subarray(0, KEY_SEED));
    const sig = p256.keygen(bytes.subarray(KEY_SEED));
    return {
      encryptionPublic: bytesToHex(enc.publicKey),
      signingPublic: bytesToHex(sig.publicKey),
      encryptionSecret: bytesToHex(enc.secretKey),
      signingSecret: bytesToHex(sig.secretKey),
    };
  }),
  seal(plaintext, recipientPublic, senderSigningSecret, rng) {
    const eph = keygen(rng);
    const shared = p256.getSharedSecret(eph.secretKey, hexToBytes(recipientPublic));
    const nonce = rng.bytes(NONCE);
    const ciphertext = gcm(messageKey(shared, eph.publicKey), nonce).encrypt(utf8ToBytes(plaintext));
    const unsigned = { ephemeral: bytesToHex(eph.publicKey), nonce: bytesToHex(nonce), ciphertext: bytesToHex(ciphertext) };
    const signature = p256.sign(signedBytes(unsigned), hexToBytes(senderSigningSecret), { prehash: true, lowS: true });
    return { ...unsigned, signature: bytesToHex(signature), size: eph.publicKey.length + NONCE + ciphertext.length + signature.length };
  },
  open(envelope, recipientSecret, senderSigningPublic) {
    const ok = p256.verify(hexToBytes(envelope.signature), signedBytes(envelope), hexToBytes(senderSigningPublic), {
      prehash: true,
      lowS: true,
    });
    if (!ok) throw new Error('signature does not verify: the envelope was not sent by that device');
    const ephemeral = hexToBytes(envelope.ephemeral);
    const shared = p256.getSharedSecret(hexToBytes(recipientSecret), ephemeral);
    const plain = gcm(messageKey(shared, ephemeral), hexToBytes(envelope.nonce)).decrypt(hexToBytes(envelope.ciphertext));
    return new TextDecoder().decode(plain);
  },
};

let lastSealed: { text: string; envelope: Envelope } = { text: '', envelope: { ephemeral: '', nonce: '', ciphertext: '', signature: '', size: 0 } };

/** UTF-8 byte length without encoding: the benchmark seals 100,000 messages. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * For benchmarks of the provider's bookkeeping at population scale (1,000 people, 100,000
 * messages), where real elliptic-curve work would measure noble, not the model. It produces
 * envelopes of exactly the real sizes but with no content at all: not even the plaintext's bytes.
 * It never appears on the site.
 */
export const metadataOnlyCrypto: Crypto = {
  name: 'metadata-only',
  keySeed: (rng) => bytesToHex(rng.bytes(8)),
  keys: memoKeys((seed) => ({ encryptionPublic: `enc-${seed}`, signingPublic: `sig-${seed}`, encryptionSecret: '', signingSecret: '' })),
  seal(plaintext) {
    // One message is sealed once per device, and these envelopes hold nothing but a size: share one.
    if (plaintext !== lastSealed.text) {
      const size = COMPRESSED_POINT + NONCE + utf8Length(plaintext) + TAG + 64;
      lastSealed = { text: plaintext, envelope: Object.freeze({ ephemeral: '', nonce: '', ciphertext: '', signature: '', size }) };
    }
    return lastSealed.envelope;
  },
  open() {
    throw new Error('metadata-only envelopes carry no content');
  },
};
