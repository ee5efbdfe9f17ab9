import { describe, expect, test } from 'vitest';
import {
  APPLE_2016,
  APPLE_2020S,
  DAY,
  DEFAULT_CONFIG,
  DEFAULT_ENGINE,
  HOUR,
  act,
  advanceTo,
  createSession,
  createWorld,
  device,
  heldAt,
  ModelError,
  person,
  metadataOnlyCrypto,
  resolveAddress,
  selectHeld,
  startSimulation,
} from '../../../src/model/index.ts';
import { realCrypto } from '../../../src/model/real-crypto.ts';
import { castScenario } from './fixtures.ts';

function session() {
  return createSession(castScenario());
}

describe('key directory', () => {
  test('entering an address writes a lookup record even if nothing is sent', () => {
    const s = session();
    const entry = act(s, { type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' });
    expect(entry.outcome).toBe('ok');
    const lookups = heldAt(s.world.ledger, APPLE_2016, s.world.now).lookup;
    expect(lookups).toHaveLength(1);
    expect(lookups[0]!.fields).toEqual({
      requesterHandle: '+15550100100',
      requesterIp: '203.0.113.10',
      lookedUpHandle: 'ben@example.org',
      deviceCount: 3,
    });
    expect(s.world.devices['ana-phone']!.composer?.results[0]).toMatchObject({ registered: true, deviceCount: 3, cached: false });
  });

  test('a name resolves through the owner’s contacts before the lookup', () => {
    const s = session();
    act(s, { type: 'address.entered', device: 'ana-phone', address: 'ben' });
    expect(heldAt(s.world.ledger, APPLE_2016, 0).lookup[0]!.fields).toMatchObject({ lookedUpHandle: 'ben@example.org' });
  });

  test('an unregistered handle answers "not registered" (SMS) and is still recorded', () => {
    const s = session();
    act(s, { type: 'address.entered', device: 'ana-phone', address: '+1 555 010 0400' });
    expect(s.world.devices['ana-phone']!.composer?.results[0]).toMatchObject({ registered: false, deviceCount: 0 });
    expect(heldAt(s.world.ledger, APPLE_2016, 0).lookup[0]!.fields).toMatchObject({ deviceCount: 0 });
  });

  test('the device cache answers a repeat lookup within the cache period, then asks again', () => {
    const s = session();
    act(s, { type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' });
    advanceTo(s, 2 * HOUR);
    act(s, { type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' });
    expect(s.world.devices['ana-phone']!.composer?.results[0]?.cached).toBe(true);
    expect(heldAt(s.world.ledger, APPLE_2016, s.world.now).lookup).toHaveLength(1);
    advanceTo(s, 25 * HOUR);
    act(s, { type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' });
    expect(heldAt(s.world.ledger, APPLE_2016, s.world.now).lookup).toHaveLength(2);
  });

  test('an invalid address is refused with a reason and records nothing', () => {
    const s = session();
    act(s, { type: 'address.entered', device: 'ana-phone', address: '555-0100' });
    expect(s.world.devices['ana-phone']!.composer?.error).toMatch(/country code/);
    expect(heldAt(s.world.ledger, APPLE_2016, 0).lookup).toHaveLength(0);
  });

  test('adding a device registers its keys, alerts the owner’s other devices, and lookups return more devices', () => {
    const s = session();
    const before = heldAt(s.world.ledger, APPLE_2016, 0).registration.length;
    act(s, { type: 'device.added', person: 'ana', device: { id: 'ana-tablet', label: "Ana's tablet", kind: 'tablet', network: 'home' } });
    expect(heldAt(s.world.ledger, APPLE_2016, 0).registration.length).toBe(before + 1);
    expect(s.world.devices['ana-phone']!.alerts.at(-1)?.text).toMatch(/Ana's tablet/);
    expect(s.world.devices['ana-laptop']!.alerts.at(-1)?.text).toMatch(/Ana's tablet/);
    expect(s.world.devices['ana-tablet']!.alerts).toEqual([]);
    act(s, { type: 'address.entered', device: 'cy-phone', address: '+15550100100' });
    expect(s.world.devices['cy-phone']!.composer?.results[0]?.deviceCount).toBe(3);
  });
});

describe('what a typed address resolves to', () => {
  // resolveAddress memoises each contact list; these are the rules the memo must keep.
  const world = createWorld(
    {
      networks: [{ id: 'home', label: 'Home', kind: 'home' }],
      people: [
        {
          id: 'ana',
          name: 'Ana',
          handles: ['+15550100100'],
          contacts: [
            { name: 'Ben', handles: ['BEN@example.org', 'not a handle', 'ben@example.org'] },
            { name: 'ben', handles: ['other@example.org'] },
            { name: '+1 555 010 0200', handles: ['cy@example.org'] },
            { name: 'Nobody', handles: ['not a handle'] },
            { name: ' Spaced ', handles: ['dee@example.org'] },
          ],
          devices: [{ id: 'ana-phone', label: "Ana's phone", kind: 'phone', network: 'home' }],
        },
        { id: 'ben', name: 'Ben', handles: ['ben@example.org'], devices: [] },
      ],
    },
    1,
    {},
    { crypto: metadataOnlyCrypto, policies: [APPLE_2016] },
  );
  test.each([
    ['Ben', { handles: ['ben@example.org'] }, 'a contact name, handles normalised, each once, and bad ones left out'] as const,
    ['  bEN ', { handles: ['ben@example.org'] }, 'case and surrounding space do not matter; the first contact with a name wins'],
    ['+1 555 010 0200', { handles: ['+15550100200'] }, 'a typed handle wins over a contact with that name'],
    ['Nobody', { error: expect.stringMatching(/phone number/) }, 'a contact with no usable handle is not an address'],
    [' Spaced ', { error: expect.any(String) }, 'names are matched as written, after trimming only what was typed'],
    ['Cy', { error: expect.any(String) }, 'not a contact'],
  ])('%j', (typed, expected, _rule) => {
    expect(resolveAddress(world, 'ana-phone', typed)).toEqual(expected);
    // Asking twice gives the same answer: the memo does not change it.
    expect(resolveAddress(world, 'ana-phone', typed)).toEqual(expected);
  });
  test('a device with no owner in the world resolves handles only', () => {
    expect(resolveAddress(world, 'nobody-phone', 'Ben')).toEqual({ error: expect.any(String) });
    expect(resolveAddress(world, 'nobody-phone', 'ben@example.org')).toEqual({ handles: ['ben@example.org'] });
  });
});

describe('looking up the cast by id', () => {
  test('device() and person() return what the world holds', () => {
    const s = session();
    expect(device(s.world, 'ana-phone')).toBe(s.world.devices['ana-phone']);
    expect(person(s.world, device(s.world, 'ana-phone').owner).devices).toContain('ana-phone');
  });

  test.each([
    ['device', () => device(session().world, 'no-such-phone'), 'devices.no-such-phone'],
    ['person', () => person(session().world, 'nobody'), 'people.nobody'],
  ])('%s() of an unknown id throws a ModelError naming it', (_, look, path) => {
    expect(look).toThrow(ModelError);
    expect(look).toThrow(path);
  });
});

describe('messages', () => {
  test('fan-out: one ciphertext per recipient device plus one per sender’s other device (3 + 1)', () => {
    const s = session();
    act(s, { type: 'message.sent', device: 'ana-phone', to: ['ben@example.org'], text: 'hello' });
    const sent = s.world.devices['ana-phone']!.lastSent!;
    expect(sent.fanout.map((f) => f.device).sort()).toEqual(['ana-laptop', 'ben-laptop', 'ben-phone', 'ben-tablet']);
    // Sealed on view (the default): each envelope's inputs differ (its own ephemeral key and nonce).
    expect(new Set(sent.fanout.map((f) => f.sealing!.ephemeralSeed + f.sealing!.nonce)).size).toBe(4);
    for (const id of ['ben-phone', 'ben-tablet', 'ben-laptop']) {
      expect(s.world.devices[id]!.messages).toMatchObject([{ direction: 'received', text: 'hello', fromHandle: '+15550100100' }]);
    }
    expect(s.world.devices['ana-laptop']!.messages).toMatchObject([{ direction: 'sent', text: 'hello' }]);
  });

  test('sealed as sent: one distinct real ciphertext per device, and every recipient opens its own', () => {
    const engine = { ...DEFAULT_ENGINE, crypto: realCrypto };
    const s = createSession(castScenario(), { engine });
    act(s, { type: 'message.sent', device: 'ana-phone', to: ['ben@example.org'], text: 'hello' }, engine);
    const fanout = s.world.devices['ana-phone']!.lastSent!.fanout;
    expect(new Set(fanout.map((f) => f.ciphertextPreview)).size).toBe(4);
    for (const f of fanout) expect(f.ciphertextPreview).toMatch(/^[0-9a-f]{32}$/);
    expect(s.world.devices['ben-phone']!.messages[0]!.text).toBe('hello');
  });

  test('a group message fans out per member per device', () => {
    const s = session();
    act(s, { type: 'message.sent', device: 'ana-phone', to: ['ben@example.org', 'cy@example.org'], text: 'group' });
    expect(s.world.devices['ana-phone']!.lastSent!.fanout).toHaveLength(3 + 1 + 1);
  });

  test('a handle named twice, by contact name and typed, gets one set of envelopes', () => {
    const s = session();
    act(s, { type: 'message.sent', device: 'ana-phone', to: ['Ben', ' BEN@example.org', 'ben'], text: 'once' });
    const sent = s.world.devices['ana-phone']!.lastSent!;
    expect(sent.toHandles).toEqual(['ben@example.org']);
    expect(s.world.devices['ana-phone']!.messages[0]!.toHandles).toEqual(['ben@example.org']);
    expect(sent.fanout).toHaveLength(3 + 1);
    expect(sent.sms).toEqual([]);
  });

  test('a message to an unregistered handle falls back to SMS with no envelope', () => {
    const s = session();
    act(s, { type: 'message.sent', device: 'ana-phone', to: ['+15550100400'], text: 'sms please' });
    const sent = s.world.devices['ana-phone']!.lastSent!;
    expect(sent.sms).toEqual(['+15550100400']);
    expect(sent.fanout.filter((f) => s.world.devices[f.device]!.owner !== 'ana')).toEqual([]);
  });

  test('an offline device gets its message when it returns within 30 days, and the queue record ends on delivery', () => {
    const s = session();
    act(s, { type: 'device.offline', device: 'ben-tablet' });
    act(s, { type: 'message.sent', device: 'ana-phone', to: ['Ben'], text: 'later' });
    expect(heldAt(s.world.ledger, APPLE_2016, s.world.now).queue).toHaveLength(1);
    advanceTo(s, 29 * DAY);
    act(s, { type: 'device.online', device: 'ben-tablet' });
    expect(s.world.devices['ben-tablet']!.messages.map((m) => m.text)).toEqual(['later']);
    expect(heldAt(s.world.ledger, APPLE_2016, s.world.now).queue).toHaveLength(0);
    expect(heldAt(s.world.ledger, APPLE_2016, 10 * DAY).queue).toHaveLength(1);
  });

  test('after the 30-day hold the message is dropped and never arrives', () => {
    const s = session();
    act(s, { type: 'device.offline', device: 'ben-tablet' });
    act(s, { type: 'message.sent', device: 'ana-phone', to: ['Ben'], text: 'too late' });
    advanceTo(s, 31 * DAY);
    act(s, { type: 'device.online', device: 'ben-tablet' });
    expect(s.world.devices['ben-tablet']!.messages).toEqual([]);
    expect(s.world.devices['ana-phone']!.lastSent!.fanout.find((f) => f.device === 'ben-tablet')?.status).toBe('dropped');
    expect(s.world.journal.some((e) => e.action.type === 'queue.dropped' && e.t === DEFAULT_CONFIG.queueHoldMs)).toBe(true);
  });

  test('an offline device cannot send: the action is rejected and nothing changes', () => {
    const s = session();
    act(s, { type: 'device.offline', device: 'ana-phone' });
    const entry = act(s, { type: 'message.sent', device: 'ana-phone', to: ['Ben'], text: 'x' });
    expect(entry).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(/offline/) });
    expect(s.world.devices['ana-phone']!.messages).toEqual([]);
  });

  test.each([
    [{ type: 'message.sent', device: 'nobody-phone', to: ['Ben'], text: 'x' }, /unknown device/],
    [{ type: 'device.added', person: 'zed', device: { id: 'z', label: 'Z', kind: 'phone', network: 'home' } }, /unknown person/],
    [{ type: 'device.network', device: 'ana-phone', network: 'moon' }, /unknown network/],
    [{ type: 'legal.request', process: 'warrant', target: 'not a handle' }, /not a phone number/],
  ] as const)('rejects %o', (action, reason) => {
    const s = session();
    const records = s.world.ledger.nextSeq;
    const entry = act(s, action as never);
    expect(entry.outcome).toBe('rejected');
    expect(entry.reason).toMatch(reason);
    expect(s.world.ledger.nextSeq).toBe(records);
  });
});

describe('calls and connections', () => {
  test('a call invitation is recorded whether or not anyone answers', () => {
    const s = session();
    act(s, { type: 'call.started', device: 'cy-phone', to: 'ben@example.org', answered: false });
    const calls = heldAt(s.world.ledger, APPLE_2016, 0).call;
    expect(calls).toHaveLength(1);
    expect(Object.keys(calls[0]!.fields)).not.toContain('answered');
  });

  test('moving to a mobile network changes the IP and writes a connection record', () => {
    const s = session();
    const before = heldAt(s.world.ledger, APPLE_2016, 0).connection.length;
    act(s, { type: 'device.network', device: 'ana-phone', network: 'cafe' });
    expect(s.world.devices['ana-phone']!.ip).toBe('192.0.2.77');
    expect(heldAt(s.world.ledger, APPLE_2016, 0).connection.length).toBe(before + 1);
  });
});

describe('retention', () => {
  test.each([
    [APPLE_2016, 30],
    [APPLE_2020S, 25],
  ])('under %s a lookup record is held until its retention ends', (policy, days) => {
    const s = session();
    advanceTo(s, 9 * HOUR);
    act(s, { type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' });
    expect(heldAt(s.world.ledger, policy, 9 * HOUR + days * DAY - 1).lookup).toHaveLength(1);
    expect(heldAt(s.world.ledger, policy, 9 * HOUR + days * DAY).lookup).toHaveLength(0);
  });

  test('the simulation actor re-evaluates the same history when the policy changes', () => {
    const actor = startSimulation({ scenario: castScenario() });
    actor.send({ type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' });
    actor.send({ type: 'time.advanceBy', ms: 27 * DAY });
    const lookups = () => selectHeld(actor.getSnapshot().context).filter((r) => r.category === 'lookup').length;
    expect(lookups()).toBe(1);
    actor.send({ type: 'policy.set', policy: APPLE_2020S });
    expect(lookups()).toBe(0);
    actor.send({ type: 'policy.set', policy: APPLE_2016 });
    expect(lookups()).toBe(1);
  });
});
