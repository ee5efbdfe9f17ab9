import type { Category } from '../../model/index.ts';

/**
 * One line per field a record can hold, for a reader who has never met the words: what the
 * field is and why it matters. Keyed by the model's field names (records.ts FIELD_NAMES); a unit
 * test fails if a field has no line here.
 */
export const FIELD_GLOSSARY: Record<string, string> = {
  handle: 'The phone number or email address the account is reached at.',
  registeredAt: 'When the account was created.',
  device: 'Which of the person’s devices (phone, tablet, laptop) this is about.',
  pushToken: 'A long-lived address the push service uses to wake one device; it ties messages to that device.',
  ip: 'The internet address the device connected from, which points to a network and often a place.',
  change: 'What happened to the device’s registration: added, or removed.',
  requesterHandle: 'The account that asked the key directory who an address belongs to.',
  requesterIp: 'The internet address the question came from.',
  lookedUpHandle: 'The address that was looked up: who the requester was about to message or call.',
  deviceCount: 'How many devices the key directory returned keys for.',
  senderHandle: 'The account that sent the encrypted message.',
  senderIp: 'The internet address the message was sent from.',
  recipientHandle: 'The account the encrypted message was for.',
  size: 'How large the encrypted message was, in bytes: a photo and a “hi” differ.',
  callerHandle: 'The account that started the call.',
  callerIp: 'The internet address the call was started from.',
  calleeHandle: 'The account that was called.',
  kind: 'Why the device connected: signing in, reconnecting after being offline, or moving to another network.',
};

/** What each kind of record is, in one plain sentence. */
export const CATEGORY_GLOSS: Record<Category, string> = {
  account: 'The provider knows this account exists, and since when.',
  registration: 'A device signed up for the service, so the provider can route messages to it.',
  lookup: 'Before a message can be encrypted, the sender’s app asks the key directory for the recipient’s keys. The directory can log who asked about whom.',
  routing: 'The push service woke the recipient’s device to deliver an encrypted message. The content is sealed; who, when and how big are not.',
  queue: 'The recipient’s device was offline, so the push service held the encrypted message until it came back.',
  call: 'Setting up a call goes through the provider’s servers, which see who is calling whom.',
  connection: 'A device connected to the provider’s servers, from an internet address.',
};
