import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import {
  APPLE_2016,
  FIELD_NAMES,
  PRESETS,
  WHATSAPP_LIKE,
  act,
  createSession,
  firstActionSeq,
  metadataOnlyCrypto,
  recordSpans,
  type Category,
  type Engine,
  type Policy,
  type Session,
} from '../../src/model/index.ts';
import { recordCard } from '../../src/lib/sim/record-card.ts';
import RecordCard from '../../src/components/sim/RecordCard.svelte';
import { castScenario } from './model/fixtures.ts';

/** RecordCard.svelte rendered on the server: the markup a reader and a screen reader get. */

const fast: Engine = { crypto: metadataOnlyCrypto, policies: PRESETS };

function session(label = "Cy's tablet"): Session {
  const s = createSession(castScenario(), { engine: fast });
  act(s, { type: 'address.entered', device: 'ana-phone', address: 'ben@example.org' }, fast);
  act(s, { type: 'device.added', person: 'cy', device: { id: 'cy-tablet', label, kind: 'tablet', network: 'home' } }, fast);
  return s;
}

function html(policy: Policy, category: Category, props: { level?: 2 | 3 | 4; onclose?: () => void } = {}, s: Session = session()): string {
  const spans = recordSpans(s.world.ledger, policy, firstActionSeq(s.world.journal, s.world.ledger.nextSeq));
  const span = spans.findLast((x) => x.category === category)!;
  return render(RecordCard, { props: { card: recordCard(span, policy, s.world.now, { 'ben@example.org': 'Ben' }), ...props } }).body;
}

describe('the record card on the page', () => {
  test('a heading at the level asked for, a list of glossed fields, and a Close button only when it can close', () => {
    const body = html(APPLE_2016, 'lookup', { level: 2, onclose: () => {} });
    expect(body).toMatch(/<h2 [^>]*>.*Lookup record/);
    expect(body.match(/<dt[ >]/g)).toHaveLength(FIELD_NAMES.lookup.length);
    expect(body).toContain('(Ben)');
    expect(body).toMatch(/<button [^>]*>Close<\/button>/);
    const plain = html(APPLE_2016, 'lookup');
    expect(plain).toMatch(/<h3 /);
    expect(plain).not.toContain('<button');
  });

  test('sources link to the site’s own sources page; an assumption is labelled', () => {
    const cited = html(APPLE_2016, 'lookup');
    expect(cited).toContain('href="/sources/#intercept-2016"');
    expect(cited).not.toMatch(/href="(https?:)?\/\//);
    expect(html(WHATSAPP_LIKE, 'connection')).toMatch(/>Assumption<\/span> No retention is published/);
  });

  test('text a reader typed passes through the card as typed, and the page shows it as text, never markup', () => {
    const label = '<img src=x onerror=alert(1)>';
    const s = session(label);
    const spans = recordSpans(s.world.ledger, APPLE_2016, firstActionSeq(s.world.journal, s.world.ledger.nextSeq));
    const card = recordCard(
      spans.findLast((x) => x.category === 'registration')!,
      APPLE_2016,
      s.world.now,
    );
    expect(card.sentence.startsWith(`\u2068${label}\u2069`)).toBe(true);
    expect(card.fields.find((f) => f.name === 'device')?.value).toBe(label);
    const body = html(APPLE_2016, 'registration', {}, s);
    expect(body).not.toContain('<img');
    expect(body).toContain('&lt;img src=x onerror=alert(1)>');
  });
});
