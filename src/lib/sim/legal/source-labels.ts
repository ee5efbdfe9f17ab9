/**
 * Short names for sources, as the simulator's panels cite them ("The Intercept, 2016" rather than a
 * number). A panel can sit on an explainer page whose references are numbered 1, 2, 3, …; numbers
 * local to the panel would clash with those, while a name means the same thing on every page.
 *
 * Written out by hand because the panels are browser islands: reading content/sources/*.yaml here
 * would ship every source file's text to the reader. test/unit/legal-panels.test.ts checks that every
 * source in content/sources/ has a label, that labels are unique and that each carries its source's year.
 */
export const SOURCE_LABELS: Readonly<Record<string, string>> = {
  'apple-adp-uk-2025': 'Apple ADP in the UK, 2025',
  'apple-ckv-2023': 'Apple Key Verification, 2023',
  'apple-facetime-privacy': 'Apple FaceTime & Privacy',
  'apple-icloud-backup': 'Apple iCloud Backup security',
  'apple-ios-security-2016': 'Apple iOS Security Guide, 2016',
  'apple-lpg-2015': 'Apple legal guide, 2015',
  'apple-lpg-2025': 'Apple legal guide, 2025',
  'apple-lpg-imessage': 'Apple legal guide, iMessage',
  'apple-lpg-preservation': 'Apple legal guide, preservation',
  'apple-messages-privacy': 'Apple Messages & Privacy',
  'apple-platform-security-imessage': 'Apple Platform Security, iMessage',
  'apple-pq3-2024': 'Apple PQ3, 2024',
  'apple-statement-2016': 'Apple statement, 2016',
  'daring-fireball-2016': 'Daring Fireball, 2016',
  'elcomsoft-call-history-2016': 'ElcomSoft, 2016',
  'fbi-lawful-access-2020': 'FBI chart, 2021',
  'intercept-2016': 'The Intercept, 2016',
  'savage-2021': 'Savage, 2021',
  'securityaffairs-2016': 'Security Affairs, 2016',
  'signal-bigbrother': 'Signal, 2016',
  'signal-sealed-sender-2018': 'Signal blog, 2018',
  'telegram-2024': 'Telegram policy, 2024',
  'usc-18-2703': '18 U.S.C. § 2703',
  'usc-18-3123': '18 U.S.C. §§ 3121–3127',
};

/** The short name a panel shows for a source; an unlabelled id shows as itself rather than breaking the panel. */
export function sourceLabel(id: string): string {
  return Object.hasOwn(SOURCE_LABELS, id) ? SOURCE_LABELS[id]! : id;
}
