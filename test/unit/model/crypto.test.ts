import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { allRecords, deferredCrypto, runScenario, scenarioPolicy, type Crypto, type Session } from '../../../src/model/index.ts';
import { openEnvelope, realCrypto, sealEnvelope } from '../../../src/model/real-crypto.ts';
import { loadScenario } from './fixtures.ts';

const SCENARIOS = readdirSync('content/scenarios').map((file) => file.replace(/\.yaml$/, ''));

function run(id: string, crypto: Crypto): Session {
  const scenario = loadScenario(id);
  return runScenario(scenario, { engine: { crypto, policies: [scenarioPolicy(scenario)] } });
}

/** Every fan-out entry of the run: the last message each device sent. */
function fanouts(session: Session) {
  return Object.values(session.world.devices).flatMap((d) => (d.lastSent ? d.lastSent.fanout.map((f) => ({ sender: d, f })) : []));
}

describe('sealing on view (the page) and sealing as sent (Node) are one history', () => {
  test.each(SCENARIOS)('%s: same journal, records, messages and sizes; sealing the inputs later gives the bytes sent', (id) => {
    const real = run(id, realCrypto);
    const onView = run(id, deferredCrypto);
    // The generator is drawn alike, so everything the provider keeps and every device shows is equal.
    expect(onView.world.journal).toEqual(real.world.journal);
    expect(allRecords(onView.world.ledger)).toEqual(allRecords(real.world.ledger));
    for (const [deviceId, device] of Object.entries(real.world.devices)) {
      const other = onView.world.devices[deviceId]!;
      expect(other.keySeed).toBe(device.keySeed);
      expect(other.messages).toEqual(device.messages);
    }
    const sentReal = fanouts(real);
    const sentOnView = fanouts(onView);
    expect(sentOnView.map(({ f }) => [f.device, f.size, f.status])).toEqual(sentReal.map(({ f }) => [f.device, f.size, f.status]));
    sentOnView.forEach(({ sender, f }, i) => {
      expect(f.ciphertextPreview).toBe('');
      const envelope = sealEnvelope(f.sealing!);
      expect(envelope.ciphertext.slice(0, 32)).toBe(sentReal[i]!.f.ciphertextPreview);
      expect(envelope.size).toBe(f.size);
      // The recipient's device verifies and decrypts what was sealed to it.
      const recipient = onView.world.devices[f.device]!;
      expect(openEnvelope(envelope, recipient.keySeed, sender.keySeed)).toBe(f.sealing!.plaintext);
    });
  });
});

describe('real envelopes', () => {
  const inputs = {
    plaintext: 'meet at noon',
    ephemeralSeed: 'ab'.repeat(48),
    nonce: 'cd'.repeat(12),
    recipientKeySeed: '01'.repeat(96),
    senderKeySeed: '02'.repeat(96),
  };

  test('the same inputs give the same bytes; another nonce gives others', () => {
    expect(sealEnvelope(inputs)).toEqual(sealEnvelope({ ...inputs }));
    expect(sealEnvelope({ ...inputs, nonce: 'ce'.repeat(12) }).ciphertext).not.toBe(sealEnvelope(inputs).ciphertext);
  });

  test('a tampered ciphertext or the wrong sender fails to open', () => {
    const envelope = sealEnvelope(inputs);
    const flipped = { ...envelope, ciphertext: (envelope.ciphertext[0] === '0' ? '1' : '0') + envelope.ciphertext.slice(1) };
    expect(() => openEnvelope(flipped, inputs.recipientKeySeed, inputs.senderKeySeed)).toThrow(/signature does not verify/);
    expect(() => openEnvelope(envelope, inputs.recipientKeySeed, '03'.repeat(96))).toThrow(/signature does not verify/);
    expect(openEnvelope(envelope, inputs.recipientKeySeed, inputs.senderKeySeed)).toBe('meet at noon');
  });

  test('an envelope sealed on view opens only with its inputs', () => {
    expect(() => deferredCrypto.open({ ephemeral: '', nonce: '', ciphertext: '', signature: '', size: 0 }, '', '')).toThrow(/carries no inputs/);
  });
});
