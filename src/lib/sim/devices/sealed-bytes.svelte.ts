import type { SealInputs } from '../../../model/index.ts';
import { afterNextPaint } from '../later.ts';
import { loadRealCrypto } from '../real-crypto-loader.ts';

/** What a view shows of one sealed envelope: the first bytes of its ciphertext and of the key it was sealed to. */
export interface SealedBytes {
  ciphertext: string;
  sealedTo: string;
}

/** Hex digits shown of a ciphertext and of a key fingerprint. */
const CIPHERTEXT_SHOWN = 32;
const KEY_SHOWN = 16;

const sealed = new WeakMap<SealInputs, SealedBytes>();
const waiting: SealInputs[] = [];
const asked = new WeakSet<SealInputs>();
let draining = false;
/** Moves each time an envelope is sealed: reading it makes a view show the new bytes. */
let sealedCount = $state(0);

/**
 * The real bytes of an envelope the model wrote down for sealing on view (`deferredCrypto`), or
 * undefined while they are being made. The first ask queues the sealing: it runs after the next
 * paint, one envelope per task, so a Send paints its fan-out at once and each elliptic-curve
 * operation (a few milliseconds each, tens on a slow phone) lands in a task of its own. The same
 * inputs always give the same bytes (the model's seeded draws), so a sealed run and a run sealed
 * on view show identical ciphertexts.
 */
export function sealedBytes(inputs: SealInputs): SealedBytes | undefined {
  void sealedCount;
  const found = sealed.get(inputs);
  if (found) return found;
  if (!asked.has(inputs)) {
    asked.add(inputs);
    waiting.push(inputs);
    if (!draining) {
      draining = true;
      afterNextPaint(drain);
    }
  }
  return undefined;
}

function drain(): void {
  loadRealCrypto().then(
    (real) => {
      const inputs = waiting.shift();
      try {
        if (inputs) {
          const envelope = real.sealEnvelope(inputs);
          const key = real.deviceKeys(inputs.recipientKeySeed).encryptionPublic;
          sealed.set(inputs, { ciphertext: envelope.ciphertext.slice(0, CIPHERTEXT_SHOWN), sealedTo: key.slice(0, KEY_SHOWN) });
          sealedCount++;
        }
      } finally {
        // One envelope that cannot be sealed must not stop the queue behind it (it throws on, to be seen).
        if (waiting.length > 0) setTimeout(drain, 0);
        else draining = false;
      }
    },
    () => {
      // Offline before the library loaded: forget the asks, so the next view asks again.
      for (const inputs of waiting.splice(0)) asked.delete(inputs);
      draining = false;
    },
  );
}

/** What a fan-out row shows: bytes sealed as sent (Node runs) or sealed on view; undefined while sealing. */
export function rowBytes(row: { ciphertextPreview: string; sealing?: SealInputs | undefined }): SealedBytes | undefined {
  return row.sealing ? sealedBytes(row.sealing) : { ciphertext: row.ciphertextPreview, sealedTo: '' };
}
