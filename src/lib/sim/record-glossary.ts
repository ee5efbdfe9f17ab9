import type { Category, FIELD_NAMES, LedgerRecord } from '../../model/index.ts';

/**
 * Plain words for the records a reader chooses in the retention lanes: one line per field a record
 * can hold, one line per value of the fields that have only a few, and a caveat per category where
 * the sources give one. Written for someone who has never heard of a key directory.
 */

/** Every field name any category's record can carry (records.ts FIELD_NAMES). */
export type FieldName = { [C in Category]: (typeof FIELD_NAMES)[C][number] }[Category];

type FieldsOf<C extends Category> = Extract<LedgerRecord, { category: C }>['fields'];

/**
 * One line per field, keyed by the model's field names. Typed against FIELD_NAMES, so a field added
 * to the model without a line here does not compile (and test/unit/record-card.test.ts fails).
 */
export const FIELD_GLOSSARY: Readonly<Record<FieldName, string>> = {
  handle: 'The phone number or email address someone is reached at.',
  registeredAt: 'When the account was set up: when its first device registered this handle.',
  device: 'Which of the person’s devices this is about. The provider tells each device apart.',
  pushToken:
    'The address the push service uses to reach one particular device. It stays the same for a long time, so it ties records about that device together.',
  ip: 'The internet (IP) address the device was using. It points to a network, such as a home, a café or a mobile carrier, and often to a rough place.',
  change: 'Whether the device was added to the key directory or removed from it.',
  requesterHandle: 'The handle of the account whose device asked the key directory.',
  requesterIp: 'The IP address the asking device was using.',
  lookedUpHandle: 'The handle that was looked up: someone the asking person may have been about to message or call.',
  deviceCount: 'How many devices the key directory returned keys for. None means the handle is not registered, so a message would go by SMS.',
  senderHandle: 'The handle of the account that sent the encrypted message.',
  senderIp: 'The IP address the sending device was using.',
  recipientHandle: 'The handle the encrypted message was for.',
  size: 'How large the encrypted message was, in bytes. The content is sealed, but its size shows: a photo is bigger than a “yes”.',
  callerHandle: 'The handle of the account that started the call.',
  callerIp: 'The IP address the calling device was using.',
  calleeHandle: 'The handle that was called.',
  kind: 'Why the device connected: it signed in, came back online, or moved to another network.',
};

/** What each value of the few-valued fields means, to follow the field's own line. */
export const VALUE_GLOSSARY: {
  readonly change: Readonly<Record<FieldsOf<'registration'>['change'], string>>;
  readonly kind: Readonly<Record<FieldsOf<'connection'>['kind'], string>>;
} = {
  change: {
    added: 'Here it was added: messages to this handle now reach it too.',
    removed: 'Here it was removed: messages to this handle no longer reach it.',
  },
  kind: {
    'sign-in': 'Here it signed in.',
    reconnect: 'Here it came back online after being offline.',
    'network-change': 'Here it moved to another network.',
  },
};

/**
 * What a record of each category does not show, where the sources say so (FACTS.md: lookup logs
 * "do not indicate that any communication took place", and the provider cannot tell which app
 * asked; call invitation logs do not show that any communication took place).
 */
export const CATEGORY_NOTES: Readonly<Partial<Record<Category, string>>> = {
  registration: 'Every device registered under a handle gets its own encrypted copy of each message sent to that handle.',
  lookup:
    'A lookup record does not show that any message was sent: an app may ask as soon as an address is typed, and the provider cannot tell which app asked.',
  routing: 'The message itself is end-to-end encrypted: the push service carries it without being able to read it.',
  queue: 'The push service deletes the message once the device collects it, or drops it undelivered when its hold limit runs out.',
  call: 'A call invitation does not show whether the call was answered, or that anyone spoke.',
};

/** Categories in the plural, for "Apple, 2016 keeps lookup records for 30 days". */
export const CATEGORY_PLURALS: Readonly<Record<Category, string>> = {
  account: 'accounts',
  registration: 'device registrations',
  lookup: 'lookup records',
  routing: 'push routing records',
  queue: 'queued messages',
  call: 'call invitations',
  connection: 'connection records',
};

/** Whether a field holds a handle, so a card can name the person it belongs to. */
export const isHandleField = (name: string): boolean => name === 'handle' || name.endsWith('Handle');

/** The field's line, followed by what its value means where the value is one of a few. */
export function glossFor(name: string, value?: string | number): string {
  const line = Object.hasOwn(FIELD_GLOSSARY, name) ? FIELD_GLOSSARY[name as FieldName] : '';
  const values: Readonly<Record<string, string>> | undefined = name === 'change' || name === 'kind' ? VALUE_GLOSSARY[name] : undefined;
  const meaning = values && value !== undefined && Object.hasOwn(values, value) ? values[value] : undefined;
  return meaning ? `${line} ${meaning}` : line;
}
