import { describe, expect, test } from 'vitest';
import {
  APPLE_2016,
  DAY,
  HOUR,
  SIGNAL_LIKE,
  selectAddressCheck,
  selectCast,
  selectComposerLookups,
  selectContactNames,
  selectConversation,
  selectDeviceStates,
  selectHandleName,
  selectLastSent,
  selectLatestSent,
  selectNextDeviceId,
  startSimulation,
  type ComposerLookup,
  type SimulationEvent,
} from '../../src/model/index.ts';
import { lookupLines, pick, rejectionOf } from '../../src/lib/sim/devices/device-panels.ts';
import { sealEnvelope } from '../../src/model/real-crypto.ts';
import { loadScenario } from './model/fixtures.ts';

/** The simulator page's own scenario: Ana (2 devices), Ben (3), Cy (1), Dee (none: SMS). */
function sandbox(...events: SimulationEvent[]) {
  const actor = startSimulation({ scenario: loadScenario('sandbox') });
  for (const e of events) actor.send(e);
  return {
    actor,
    context: () => actor.getSnapshot().context,
    world: () => actor.getSnapshot().context.session.world,
    latest: () => actor.getSnapshot().context.latest,
  };
}

describe('selectCast', () => {
  test('lists every person in cast order with registered devices, networks and IPs', () => {
    const people = selectCast(sandbox().context());
    expect(people.map((p) => [p.id, p.devices.length])).toEqual([
      ['ana', 2],
      ['ben', 3],
      ['cy', 1],
      ['dee', 0],
    ]);
    const phone = people[0]!.devices[0]!;
    expect(phone).toMatchObject({
      id: 'ana-phone',
      label: "Ana's phone",
      kind: 'phone',
      network: 'mobile',
      networkLabel: 'Mobile network',
      state: 'online',
      canReachProvider: true,
      queued: 0,
    });
    expect(phone.ip).toMatch(/^198\.51\.100\.\d+$/);
    expect(people[0]!.devices[1]!.ip).toBe('203.0.113.24');
  });

  test('alerts come newest first, and a removed device drops out', () => {
    const s = sandbox(
      { type: 'device.added', person: 'ana', device: { id: 'ana-tablet-3', label: "Ana's tablet", kind: 'tablet', network: 'home' } },
      { type: 'device.removed', device: 'ana-laptop' },
    );
    const ana = selectCast(s.context())[0]!;
    expect(ana.devices.map((d) => d.id)).toEqual(['ana-phone', 'ana-tablet-3']);
    const texts = ana.devices[0]!.alerts.map((a) => a.text);
    expect(texts[0]).toContain("“\u2068Ana's laptop\u2069” no longer receives");
    expect(texts[1]).toContain("A new device, “\u2068Ana's tablet\u2069”");
    expect(new Set(ana.devices[0]!.alerts.map((a) => a.key)).size).toBe(texts.length);
  });

  test('returns fresh objects, so a panel sees the in-place changes of the engine', () => {
    const s = sandbox();
    const before = selectCast(s.context());
    s.actor.send({ type: 'device.offline', device: 'ana-phone' });
    const after = selectCast(s.context());
    expect(before[0]!.devices[0]!.state).toBe('online');
    expect(after[0]!.devices[0]).toMatchObject({ state: 'offline', canReachProvider: false });
  });
});

describe('selectNextDeviceId', () => {
  test('person, kind and a counter from the devices the person has had', () => {
    const s = sandbox();
    expect(selectNextDeviceId(s.context(), 'ana', 'tablet')).toBe('ana-tablet-3');
    expect(selectNextDeviceId(s.context(), 'dee', 'phone')).toBe('dee-phone-1');
  });

  test('never repeats, even after a removal', () => {
    const s = sandbox();
    const first = selectNextDeviceId(s.context(), 'ana', 'tablet');
    s.actor.send({ type: 'device.added', person: 'ana', device: { id: first, label: 'T1', kind: 'tablet', network: 'home' } });
    s.actor.send({ type: 'device.removed', device: first });
    const second = selectNextDeviceId(s.context(), 'ana', 'tablet');
    expect(second).not.toBe(first);
    s.actor.send({ type: 'device.added', person: 'ana', device: { id: second, label: 'T2', kind: 'tablet', network: 'home' } });
    expect(s.latest()[0]!.outcome).toBe('ok');
  });

  test('steps past an id already taken', () => {
    const s = sandbox({ type: 'device.added', person: 'ana', device: { id: 'ana-tablet-4', label: 'T', kind: 'tablet', network: 'home' } });
    // Ana has had 3 devices, so the counter starts at 4, which is taken.
    expect(selectNextDeviceId(s.context(), 'ana', 'tablet')).toBe('ana-tablet-5');
  });
});

describe('device choices', () => {
  test('registered devices with their owners; removed ones only when asked', () => {
    const s = sandbox({ type: 'device.removed', device: 'ben-tablet' }, { type: 'device.offline', device: 'cy-phone' });
    const states = selectDeviceStates(s.context());
    expect(states.filter((d) => d.state !== 'removed').map((c) => c.id)).toEqual(['ana-phone', 'ana-laptop', 'ben-phone', 'ben-laptop', 'cy-phone']);
    expect(states.find((c) => c.id === 'cy-phone')).toMatchObject({ ownerName: 'Cy', state: 'offline', canReachProvider: false });
    expect(states.find((c) => c.id === 'ben-tablet')).toMatchObject({ state: 'removed', canReachProvider: false });
  });

  test.each([
    ['ana-laptop', 'ana-laptop'],
    ['gone', 'ana-phone'],
    [undefined, 'ana-phone'],
  ])('pick(%s) → %s', (preferred, expected) => {
    expect(pick(selectDeviceStates(sandbox().context()), preferred)).toBe(expected);
  });

  test('pick from nothing is undefined', () => {
    expect(pick([], 'x')).toBeUndefined();
  });

  test('contact names come from the device owner', () => {
    const c = sandbox().context();
    expect(selectContactNames(c, 'ana-phone')).toEqual(['Ben', 'Cy', 'Dee']);
    expect(selectContactNames(c, 'ben-phone')).toEqual(['Ana']);
    expect(selectContactNames(c, 'nobody')).toEqual([]);
  });
});

describe('selectAddressCheck', () => {
  const c = sandbox().context();
  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ben@example.org', 'valid'],
    ['+1 555 010 0163', 'valid'],
    ['Ben', 'valid'],
    ['ben', 'valid'],
    ['Be', 'invalid'],
    ['ben@example', 'invalid'],
    ['555 010 0163', 'invalid'],
  ])('%j is %s', (text, state) => {
    expect(selectAddressCheck(c, 'ana-phone', text).state).toBe(state);
  });

  test('a contact name resolves to the contact handles; the reason is parseHandle’s', () => {
    expect(selectAddressCheck(c, 'ana-phone', 'Cy')).toEqual({ state: 'valid', handles: ['+15550100163'] });
    expect(selectAddressCheck(c, 'ana-phone', 'ben@example')).toEqual({
      state: 'invalid',
      reason: 'That is not a valid email address (expected name@example.org).',
    });
    // Ben's contacts do not include Cy.
    expect(selectAddressCheck(c, 'ben-phone', 'Cy').state).toBe('invalid');
  });
});

describe('lookup wording', () => {
  const r = (over: Partial<ComposerLookup>): ComposerLookup => ({
    handle: 'h',
    registered: true,
    deviceCount: 3,
    cached: false,
    record: 7,
    held: true,
    ...over,
  });
  test.each([
    [r({}), 'registered', 'iMessage-style: registered, 3 devices', 'lookup recorded'],
    [
      r({ deviceCount: 1, cached: true, record: undefined, held: false }),
      'registered',
      'iMessage-style: registered, 1 device',
      'answered from the device cache: nothing recorded',
    ],
    [r({ registered: false, deviceCount: 0 }), 'sms', 'not registered: SMS', 'lookup recorded'],
    [r({ held: false }), 'registered', 'iMessage-style: registered, 3 devices', 'lookup recorded, and since expired'],
  ])('%o', (result, tone, answer, recorded) => {
    expect(lookupLines([result], APPLE_2016, 24)[0]).toMatchObject({ tone, answer, recorded });
  });

  test('an answer from the cache carries its assumption, with the cache length in force; a recorded one does not', () => {
    const cached = r({ cached: true, record: undefined, held: false });
    expect(lookupLines([cached], APPLE_2016, 6)[0]!.assumption).toBe('devices reuse a lookup for 6 hours (not published; set it under Assumptions)');
    expect(lookupLines([cached], APPLE_2016, 1)[0]!.assumption).toMatch(/for 1 hour \(/);
    expect(lookupLines([r({})], APPLE_2016, 6)[0]!.assumption).toBeUndefined();
  });

  test('a policy that keeps no lookups says so instead of "recorded"', () => {
    const none = {
      ...APPLE_2016,
      retention: { ...APPLE_2016.retention, lookup: { ...APPLE_2016.retention.lookup, keep: { kind: 'days' as const, days: 0 } } },
    };
    expect(lookupLines([r({ held: false })], none, 24)[0]!.recorded).toBe('lookup seen, not kept under this policy');
  });

  test('"iMessage-style" only under an Apple preset', () => {
    expect(lookupLines([r({})], SIGNAL_LIKE, 24)[0]!.answer).toBe('registered, 3 devices');
    expect(lookupLines([r({ registered: false, deviceCount: 0 })], SIGNAL_LIKE, 24)[0]!.answer).toBe('not registered: SMS');
  });

  test('composer lines only for the address typed now', () => {
    const s = sandbox({ type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' });
    const lines = (address: string, device = 'ana-phone') => lookupLines(selectComposerLookups(s.context(), device, address), APPLE_2016, 24);
    expect(lines(' ben@example.org ').map((l) => l.answer)).toEqual(['iMessage-style: registered, 3 devices']);
    expect(lines('ben@example.org')[0]!.held).toBe(true);
    expect(lines('ben@example.or')).toEqual([]);
    expect(lines('ben@example.org', 'nobody')).toEqual([]);
    s.actor.send({ type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' });
    expect(lines('ben@example.org')[0]!.cached).toBe(true);
    expect(lines('ben@example.org')[0]!.held).toBe(false); // the cache answered: no record
    s.actor.send({ type: 'address.entered', device: 'ana-phone', address: 'Dee' });
    expect(lines('Dee')[0]).toMatchObject({ tone: 'sms', answer: 'not registered: SMS', held: true });
    // Thirty-one days on, Apple (2016) no longer holds that lookup, and the composer stops saying it does.
    s.actor.send({ type: 'time.advanceBy', ms: 31 * DAY });
    expect(lines('Dee')[0]).toMatchObject({ held: false, recorded: 'lookup recorded, and since expired' });
  });
});

describe('selectLastSent', () => {
  test('the last message the device itself sent: one ciphertext per device, SMS apart', () => {
    const s = sandbox({ type: 'device.offline', device: 'ben-laptop' }, { type: 'message.sent', device: 'ana-phone', to: ['ben@example.org'], text: 'hello' });
    const sent = selectLastSent(s.context(), 'ana-phone')!;
    expect(sent.fanout.map((f) => [f.device, f.status])).toEqual([
      ['ben-phone', 'delivered'],
      ['ben-tablet', 'delivered'],
      ['ben-laptop', 'queued'],
      ['ana-laptop', 'delivered'],
    ]);
    // The page's run seals on view: each row carries what sealing it takes, sealed to that device's key.
    const first = sent.fanout[0]!;
    expect(first.ciphertextPreview).toBe('');
    expect(first.sealing).toMatchObject({ plaintext: 'hello', recipientKeySeed: s.world().devices['ben-phone']!.keySeed });
    expect(sealEnvelope(first.sealing!).ciphertext).toMatch(/^[0-9a-f]{42}$/); // 'hello' plus a 16-byte tag
    expect(first.recipientKeySeed).toBe(s.world().devices['ben-phone']!.keySeed);
    expect(first.deviceLabel).toBe(s.world().devices['ben-phone']!.label);
    expect(sent.sms).toEqual([]);
    // The laptop holds a copy too, but it did not send it: no fan-out there.
    expect(selectLastSent(s.context(), 'ana-laptop')).toBeUndefined();
    s.actor.send({ type: 'device.online', device: 'ben-laptop' });
    expect(sent.fanout[2]!.status).toBe('queued'); // a copy, not the model's array
    expect(selectLastSent(s.context(), 'ana-phone')!.fanout[2]!.status).toBe('delivered');
  });

  test('SMS recipients', () => {
    const s = sandbox({ type: 'message.sent', device: 'ana-phone', to: ['Dee'], text: 'hi' });
    expect(selectLastSent(s.context(), 'ana-phone')).toMatchObject({ sms: ['+15550100199'], fanout: [{ device: 'ana-laptop' }] });
  });
});

describe('selectLatestSent', () => {
  test("the newest message any device had sent by the moment viewed, with its sender: a story figure's ciphertexts", () => {
    const s = sandbox(
      { type: 'time.advanceBy', ms: HOUR },
      { type: 'message.sent', device: 'ana-phone', to: ['ben@example.org'], text: 'hello' },
      { type: 'time.advanceBy', ms: HOUR },
      { type: 'message.sent', device: 'ben-phone', to: ['Ana'], text: 'hi back' },
    );
    const latest = selectLatestSent(s.context())!;
    expect(latest).toMatchObject({ fromDevice: 'ben-phone', fromLabel: s.world().devices['ben-phone']!.label });
    expect(latest.fanout.length).toBeGreaterThan(0);
    // Looking back before Ben's reply finds Ana's message; before anything was sent, nothing.
    const t = latest.at;
    s.actor.send({ type: 'view.scrub', t: t - 1 });
    expect(selectLatestSent(s.context())).toMatchObject({ fromDevice: 'ana-phone' });
    expect(selectLatestSent(s.context(), 0)).toBeUndefined();
  });
});

describe('selectConversation', () => {
  test('messages, calls and alerts on one device, oldest first, with names', () => {
    const s = sandbox(
      { type: 'message.sent', device: 'ana-phone', to: ['Ben'], text: 'مرحبا 👋' },
      { type: 'time.advanceBy', ms: HOUR },
      { type: 'message.sent', device: 'ben-phone', to: ['+1 555 010 0142'], text: 'hi Ana' },
      { type: 'call.started', device: 'ben-tablet', to: 'Ana', answered: false },
    );
    const items = selectConversation(s.context(), 'ana-phone');
    // The alert is the cast's own: Ana's laptop registered after her phone, at the first moment.
    expect(items.map((i) => i.kind)).toEqual(['alert', 'message', 'message', 'call']);
    const [sent, received, call] = items.slice(-3);
    expect(sent).toMatchObject({ direction: 'sent', text: 'مرحبا 👋', from: '\u2068Ana\u2069 (+15550100142)', to: ['\u2068Ben\u2069 (ben@example.org)'] });
    expect(received).toMatchObject({ direction: 'received', text: 'hi Ana', at: HOUR });
    expect(call).toMatchObject({ direction: 'incoming', peer: '\u2068Ben\u2069 (ben@example.org)', answered: false });
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    expect(selectConversation(s.context(), 'nobody')).toEqual([]);
  });
});

describe('small helpers', () => {
  test('handleName', () => {
    const c = sandbox().context();
    expect(selectHandleName(c, '+15550100199')).toBe('\u2068Dee\u2069 (+15550100199)');
    expect(selectHandleName(c, 'stranger@example.org')).toBe('stranger@example.org');
  });

  test('rejectionOf reads the model’s reason', () => {
    const s = sandbox({ type: 'device.offline', device: 'ana-phone' }, { type: 'message.sent', device: 'ana-phone', to: ['Ben'], text: 'x' });
    expect(rejectionOf(s.latest())).toBe("\u2068Ana's phone\u2069 is offline: it cannot reach the provider");
    expect(rejectionOf([{ outcome: 'ok' }])).toBeUndefined();
    expect(rejectionOf([])).toBeUndefined();
  });
});
