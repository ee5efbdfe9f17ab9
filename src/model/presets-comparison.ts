import { cite } from './cite.ts';
import { ALL_FIELDS, LIFE_OF_ACCOUNT, QUEUE_30_DAYS, never, sameForEveryProcess, type Policy } from './policy-rules.ts';

/**
 * The comparison presets: providers that keep less (Signal-like) or whose pen register returns
 * more (WhatsApp-like) than Apple's, each from what its sources say and labelled where they are silent.
 */

const SIGNAL_ONLY = cite('signal-bigbrother#registration-and-last-connection');

export const SIGNAL_LIKE: Policy = {
  id: 'signal-like',
  name: 'Signal-like',
  summary: 'Only the account’s registration date and its last connection date.',
  provider: 'the provider',
  retention: {
    account: { keep: { kind: 'forever' }, fields: ['handle', 'registeredAt'], ...SIGNAL_ONLY },
    registration: never(SIGNAL_ONLY),
    lookup: never(cite('signal-bigbrother#no-contacts-or-graph')),
    routing: {
      ...never(
        cite('signal-bigbrother#no-contacts-or-graph', 'signal-sealed-sender-2018#sender-inside-encryption', 'signal-sealed-sender-2018#recipient-still-seen'),
      ),
      // Sealed sender: the sender's identity travels inside the encryption.
      visible: ['senderIp', 'recipientHandle', 'pushToken', 'size'],
      assumption:
        'Signal’s post does not say what else the server sees; the model assumes it sees the IP address a message comes from, its push token and its size, as any server sees who connects to it.',
    },
    queue: QUEUE_30_DAYS,
    call: never(SIGNAL_ONLY),
    connection: { keep: { kind: 'latest' }, fields: ['handle'], ...SIGNAL_ONLY },
  },
  legal: {
    ...sameForEveryProcess({ categories: ['account', 'connection'], ...SIGNAL_ONLY }),
    'pen-register': {
      categories: ['account', 'connection'],
      ...SIGNAL_ONLY,
      assumption:
        'Signal publishes nothing about pen registers: its page supports only the registration date and the last connection date. The model assumes a pen register would capture each connection as it happens, with the IP address and device the servers see.',
    },
  },
  penRegisterBatchMinutes: 0,
  penRegisterBatchBasis: { sources: [], assumption: 'Nothing is published; the model hands over what a pen register captures as it happens.' },
  contentViaBackup: {
    modes: [],
    ...SIGNAL_ONLY,
    assumption: 'The model gives this provider no cloud backup that a warrant could reach; Signal lists nothing but two dates among what it can produce.',
  },
  contentEncrypted: SIGNAL_ONLY,
};

const SUBSCRIBER_INCLUDES_IP = 'The chart says basic subscriber records; the model counts connection logs (IP addresses) among them.';
const NOT_ON_THE_CHART = (what: string) => `${what} are not described on the FBI’s chart; the model assumes none are kept.`;

export const WHATSAPP_LIKE: Policy = {
  id: 'whatsapp-like',
  name: 'WhatsApp-like',
  summary: 'A pen register returns the source and destination of each message, every 15 minutes.',
  provider: 'the provider',
  retention: {
    account: { keep: { kind: 'forever' }, fields: ALL_FIELDS('account'), ...cite('fbi-lawful-access-2020#whatsapp-subpoena'), assumption: LIFE_OF_ACCOUNT },
    registration: {
      keep: { kind: 'forever' },
      fields: ALL_FIELDS('registration'),
      sources: [],
      assumption:
        'Not described on the FBI’s chart. The model keeps device registrations for the life of the account, since a messenger must know its users’ devices to deliver to them; no legal process here returns them.',
    },
    lookup: never({ sources: [], assumption: NOT_ON_THE_CHART('Contact-discovery logs') }),
    routing: {
      ...never(cite('fbi-lawful-access-2020#whatsapp-pen-register')),
      // The chart gives a pen register the source and destination of each message, nothing more.
      visible: ['senderHandle', 'recipientHandle'],
      assumption: 'The chart describes routing data captured live for a pen register, not stored history; the model keeps none after delivery.',
    },
    queue: QUEUE_30_DAYS,
    call: never({ sources: [], assumption: NOT_ON_THE_CHART('Call logs') }),
    connection: {
      keep: { kind: 'days', days: 25 },
      fields: ALL_FIELDS('connection'),
      sources: [],
      assumption: 'No retention is published; the model borrows 25 days so that a subpoena has something to find.',
    },
  },
  legal: {
    subpoena: { categories: ['account', 'connection'], ...cite('fbi-lawful-access-2020#whatsapp-subpoena'), assumption: SUBSCRIBER_INCLUDES_IP },
    '2703d': {
      categories: ['account', 'connection'],
      ...cite('fbi-lawful-access-2020#whatsapp-court-order'),
      note: 'A court order also returns blocked users, which the model does not simulate.',
      assumption: SUBSCRIBER_INCLUDES_IP,
    },
    'pen-register': {
      categories: ['routing'],
      ...cite('fbi-lawful-access-2020#whatsapp-pen-register', 'fbi-lawful-access-2020#delayed-returns'),
      note: 'Source and destination of each message, delivered every 15 minutes.',
    },
    warrant: {
      categories: ['account', 'connection'],
      ...cite('fbi-lawful-access-2020#whatsapp-warrant'),
      note: 'A warrant also returns address-book contacts, which the model does not simulate.',
      assumption: 'The chart’s warrant row lists contacts only; the model assumes a warrant also reaches what a subpoena does.',
    },
  },
  penRegisterBatchMinutes: 15,
  penRegisterBatchBasis: cite('fbi-lawful-access-2020#whatsapp-pen-register'),
  contentViaBackup: { modes: ['standard'], ...cite('apple-icloud-backup#backup-holds-key', 'fbi-lawful-access-2020#whatsapp-content-via-backup') },
  contentEncrypted: {
    ...cite('fbi-lawful-access-2020#whatsapp-content-via-backup'),
    assumption: 'The chart offers content only through backups; the model takes that to mean the servers hold none, as with end-to-end encryption.',
  },
};
