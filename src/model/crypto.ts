import type { SeededRandom } from './rng.ts';

/**
 * Per-device end-to-end encryption, as the model needs it: which bytes the seeded generator gives
 * each key pair and each envelope, and how big each envelope is. The cryptography itself (ECIES on
 * P-256: ephemeral ECDH, HKDF-SHA256, AES-256-GCM, and ECDSA P-256 signatures, the shape Apple
 * describes for iMessage since iOS 13, source: apple-platform-security-imessage) lives in
 * real-crypto.ts, with audited libraries (noble).
 *
 * Two ways to run it, with the same draws from the generator and so the same history:
 * - `realCrypto` (real-crypto.ts) seals every envelope as it is sent. Node runs it: the CLI, the
 *   tests, the golden journal.
 * - `deferredCrypto` (here) writes down what sealing needs (the words, the drawn bytes, the two
 *   devices' key seeds) and the exact size, and the page seals it for real when a view shows the
 *   bytes, after the next paint and with code loaded in idle time. A first Send then costs a
 *   page no elliptic-curve work at all, and its first load carries no cryptography library.
 *
 * Keys and nonces come from the simulation's seeded generator so that the same seed gives the
 * same ciphertext bytes. That makes runs reproducible, and it is exactly why this is a teaching
 * model and not a messenger: real keys must come from a secure random source.
 */

/** What sealing one envelope takes: computing it from these gives the same bytes every time. */
export interface SealInputs {
  plaintext: string;
  /** Hex of the bytes the sender's ephemeral key pair derives from. */
  ephemeralSeed: string;
  /** Hex of the AES-GCM nonce. */
  nonce: string;
  /** Key seed of the device the envelope is sealed to (its public encryption key derives from it). */
  recipientKeySeed: string;
  /** Key seed of the sending device, whose signing key signs the envelope. */
  senderKeySeed: string;
}

/** What the push service carries for one device: bytes it cannot read. */
export interface Envelope {
  /** Hex of the sender's ephemeral public key ('' until sealed). */
  ephemeral: string;
  nonce: string;
  /** Hex of the ciphertext ('' until sealed, or for a metadata-only run). */
  ciphertext: string;
  /** ECDSA signature by the sending device over ephemeral ‖ nonce ‖ ciphertext ('' until sealed). */
  signature: string;
  /** Bytes on the wire: what routing metadata records as the size. */
  size: number;
  /** For an envelope sealed when shown (`deferredCrypto`): what sealing it takes. */
  sealing?: SealInputs;
}

export type CryptoName = 'p256-ecies-aes256gcm' | 'p256-ecies-aes256gcm-on-view' | 'metadata-only';

export interface Crypto {
  /** A label shown in journals so nobody mistakes a metadata-only run for real encryption. */
  readonly name: CryptoName;
  /**
   * A new device's key material, drawn from the simulation's generator: the hex seed its key
   * pairs derive from, which device state keeps. Deriving a key pair costs an elliptic-curve
   * multiplication, and a world creates every device at its start though most keys are not used
   * until a message is sealed to them.
   */
  keySeed(rng: SeededRandom): string;
  seal(plaintext: string, recipientKeySeed: string, senderKeySeed: string, rng: SeededRandom): Envelope;
  /** The words the recipient reads. Real crypto verifies the signature, then decrypts, and throws when either fails. */
  open(envelope: Envelope, recipientKeySeed: string, senderKeySeed: string): string;
}

/** Seed material per key pair: noble reduces 48 bytes modulo the curve order without bias. */
export const KEY_SEED = 48;
export const NONCE = 12;
const COMPRESSED_POINT = 33;
const TAG = 16;
/** A compact ECDSA P-256 signature: r ‖ s. */
const SIGNATURE = 64;

/** Bytes on the wire of an envelope carrying `plaintext`: ephemeral key, nonce, ciphertext with its tag, signature. */
export function envelopeSize(plaintext: string): number {
  return COMPRESSED_POINT + NONCE + utf8Length(plaintext) + TAG + SIGNATURE;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += HEX[byte];
  return hex;
}

/** One draw for both key pairs: the same bytes, in the same order, as two key generations. */
export function drawKeySeed(rng: SeededRandom): string {
  return toHex(rng.bytes(2 * KEY_SEED));
}

/** The generator's draws for one envelope, in the order real sealing has always made them: ephemeral key, then nonce. */
export function drawSealing(plaintext: string, recipientKeySeed: string, senderKeySeed: string, rng: SeededRandom): SealInputs {
  const ephemeralSeed = toHex(rng.bytes(KEY_SEED));
  return { plaintext, ephemeralSeed, nonce: toHex(rng.bytes(NONCE)), recipientKeySeed, senderKeySeed };
}

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
 * Real encryption, sealed when a view shows it: the page's simulator. Draws exactly what
 * `realCrypto` draws, so a run's history, records and sizes are the same as a sealed run's, and
 * sealing the inputs later gives the very bytes `realCrypto` would have sent (test/unit/model/crypto.test.ts).
 * The recipient's device reads the words the sender sealed; real-crypto.ts proves they open.
 */
export const deferredCrypto: Crypto = {
  name: 'p256-ecies-aes256gcm-on-view',
  keySeed: drawKeySeed,
  seal(plaintext, recipientKeySeed, senderKeySeed, rng) {
    const sealing = drawSealing(plaintext, recipientKeySeed, senderKeySeed, rng);
    return { ephemeral: '', nonce: sealing.nonce, ciphertext: '', signature: '', size: envelopeSize(plaintext), sealing };
  },
  open(envelope) {
    if (!envelope.sealing) throw new Error('this envelope was not sealed on view: it carries no inputs to open');
    return envelope.sealing.plaintext;
  },
};

let lastSealed: { text: string; envelope: Envelope } = { text: '', envelope: { ephemeral: '', nonce: '', ciphertext: '', signature: '', size: 0 } };

/**
 * For benchmarks of the provider's bookkeeping at population scale (1,000 people, 100,000
 * messages), where real elliptic-curve work would measure noble, not the model. It produces
 * envelopes of exactly the real sizes but with no content at all: not even the plaintext's bytes.
 * It never appears on the site.
 */
export const metadataOnlyCrypto: Crypto = {
  name: 'metadata-only',
  keySeed: (rng) => toHex(rng.bytes(8)),
  seal(plaintext) {
    // One message is sealed once per device, and these envelopes hold nothing but a size: share one.
    if (plaintext !== lastSealed.text) {
      lastSealed = { text: plaintext, envelope: Object.freeze({ ephemeral: '', nonce: '', ciphertext: '', signature: '', size: envelopeSize(plaintext) }) };
    }
    return lastSealed.envelope;
  },
  open() {
    throw new Error('metadata-only envelopes carry no content');
  },
};

const KNOWN = new Map<CryptoName, Crypto>([
  [deferredCrypto.name, deferredCrypto],
  [metadataOnlyCrypto.name, metadataOnlyCrypto],
]);

/**
 * The crypto a run named. Real crypto is known once a run was started with it (`SimulationInput.crypto`),
 * which keeps its library out of every module that only names it.
 */
export function cryptoNamed(name: CryptoName): Crypto {
  const crypto = KNOWN.get(name);
  if (!crypto) throw new Error(`crypto "${name}" is not loaded: start the run with the Crypto object (realCrypto from src/model/real-crypto.ts)`);
  return crypto;
}

/** Makes `crypto` known by its name, for runs restored or reset by name. */
export function knowCrypto(crypto: Crypto): void {
  KNOWN.set(crypto.name, crypto);
}
