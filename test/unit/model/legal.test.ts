import { describe, expect, test } from 'vitest';
import {
  APPLE_2016,
  APPLE_2020S,
  DAY,
  HOUR,
  KEEP_NOTHING,
  MINUTE,
  SIGNAL_LIKE,
  WHATSAPP_LIKE,
  act,
  advanceTo,
  createSession,
  legalResponse,
  type BackupMode,
  type LegalProcess,
  type Policy,
} from '../../../src/model/index.ts';
import { castScenario } from './fixtures.ts';

function history() {
  const s = createSession(castScenario());
  advanceTo(s, 2 * HOUR);
  act(s, { type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' }); // Ana looks Ben up
  act(s, { type: 'address.entered', device: 'cy-phone', address: '+15550100100' }); // Cy looks Ana up
  act(s, { type: 'call.started', device: 'ana-phone', to: 'cy@example.org' }); // a call looks Cy up first
  return s;
}

const ask = (s: ReturnType<typeof history>, policy: Policy, process: LegalProcess, servedAt: number, backupMode: BackupMode = 'off', at = servedAt) =>
  legalResponse(s.world.ledger, policy, { process, target: '+15550100100', servedAt, at, backupMode });

describe('legal process', () => {
  test('a §2703(d) order returns lookups by and of the target, and the call invitation', () => {
    const s = history();
    const r = ask(s, APPLE_2016, '2703d', 10 * DAY);
    const lookups = r.produced.filter((p) => p.category === 'lookup');
    expect(lookups.map((p) => p.direction).sort()).toEqual(['by', 'by', 'of']);
    expect(r.produced.some((p) => p.category === 'call')).toBe(true);
    expect(r.cannotProduce[0]?.what).toBe('Message content');
  });

  test('after expiry the same order returns no lookups and says when they stopped being held', () => {
    const s = history();
    const r = ask(s, APPLE_2016, '2703d', 40 * DAY);
    expect(r.produced.filter((p) => p.category === 'lookup')).toEqual([]);
    const gone = r.noLongerHeld.filter((g) => g.category === 'lookup');
    expect(gone).toHaveLength(3);
    expect(gone[0]!.goneAt).toBe(2 * HOUR + 30 * DAY);
  });

  test('Apple 2020s keeps 25 days: an order on day 28 finds no lookups from day 1', () => {
    const s = history();
    expect(ask(s, APPLE_2016, '2703d', 27 * DAY).produced.filter((p) => p.category === 'lookup')).toHaveLength(3);
    expect(ask(s, APPLE_2020S, '2703d', 27 * DAY).produced.filter((p) => p.category === 'lookup')).toHaveLength(0);
  });

  test('a subpoena never reaches lookup records', () => {
    const s = history();
    const r = ask(s, APPLE_2016, 'subpoena', 1 * DAY);
    expect(new Set(r.produced.map((p) => p.category))).toEqual(new Set(['account', 'registration', 'connection']));
  });

  test('Signal-like: only the registration date and the last connection date, whatever the process', () => {
    const s = history();
    for (const process of ['subpoena', '2703d', 'warrant'] as const) {
      const r = ask(s, SIGNAL_LIKE, process, 3 * DAY);
      expect(new Set(r.produced.map((p) => p.category))).toEqual(new Set(['account', 'connection']));
      const connection = r.produced.find((p) => p.category === 'connection')!;
      expect(connection.fields).toEqual({ handle: '+15550100100' });
      expect(connection.recordedAt % DAY).toBe(0);
    }
  });

  test('a WhatsApp-like pen register collects routing from the order on, delivered every 15 minutes', () => {
    const s = createSession(castScenario());
    act(s, { type: 'message.sent', device: 'ana-phone', to: ['Ben'], text: 'before the order' });
    advanceTo(s, 1 * DAY);
    const servedAt = s.world.now;
    advanceTo(s, 1 * DAY + 7 * MINUTE);
    act(s, { type: 'message.sent', device: 'ana-phone', to: ['Ben'], text: 'after the order' });
    const early = legalResponse(s.world.ledger, WHATSAPP_LIKE, {
      process: 'pen-register',
      target: '+15550100100',
      servedAt,
      at: s.world.now,
      backupMode: 'off',
    });
    expect(early.produced).toEqual([]);
    advanceTo(s, 1 * DAY + 15 * MINUTE);
    const later = legalResponse(s.world.ledger, WHATSAPP_LIKE, {
      process: 'pen-register',
      target: '+15550100100',
      servedAt,
      at: s.world.now,
      backupMode: 'off',
    });
    const toBen = later.produced.filter((p) => p.fields['recipientHandle'] === 'ben@example.org');
    expect(toBen).toHaveLength(3);
    expect(toBen.every((p) => p.deliveredAt === 1 * DAY + 15 * MINUTE && p.fields['senderHandle'] === '+15550100100')).toBe(true);
    expect(later.prospective).toBe(true);
  });

  test('a warrant reaches backed-up content only under standard backup protection', () => {
    const s = history();
    const backedUp = ask(s, APPLE_2016, 'warrant', DAY, 'standard');
    expect(backedUp.alsoProducible).toHaveLength(1);
    // Content via backup does not contradict "cannot produce": what the messaging servers cannot produce is named apart.
    expect(backedUp.cannotProduce[0]?.what).toBe('Message content from the messaging servers');
    expect(ask(s, APPLE_2016, 'warrant', DAY, 'adp').alsoProducible).toHaveLength(0);
    expect(ask(s, APPLE_2016, '2703d', DAY, 'standard').alsoProducible).toHaveLength(0);
  });

  test('keep-nothing produces nothing and says which categories were never kept', () => {
    const s = history();
    const r = ask(s, KEEP_NOTHING, 'warrant', DAY);
    expect(r.produced).toEqual([]);
    expect(r.categories).toEqual([]);
  });
});
