import { presetById, type BackupMode, type Policy, type ScenarioCore } from '../../../model/index.ts';

/**
 * Who the provider is, in words. DESIGN (habit 13): say "Apple" only where an Apple preset is
 * active, and "the provider" otherwise. This is the one test for "is this an Apple preset"; pages,
 * panels and the scenario checks all ask it.
 */

/** A policy, a preset id, or a scenario's custom policy built on a preset. */
export type PolicyLike = Pick<Policy, 'provider'> | ScenarioCore['policy'];

/** Whether `policy` is an Apple preset, or a custom policy built on one. */
export function isApplePreset(policy: PolicyLike): boolean {
  const resolved = typeof policy === 'string' ? presetById(policy) : 'base' in policy ? presetById(policy.base) : policy;
  return resolved?.provider === 'Apple';
}

/** "Apple" under an Apple preset; "the provider" otherwise. */
export function providerName(policy: PolicyLike, capital = false): string {
  if (isApplePreset(policy)) return 'Apple';
  return capital ? 'The provider' : 'the provider';
}

/** Backup modes as the reader chooses them; Apple's feature name only under an Apple policy. */
export function backupOptions(policy: PolicyLike): { mode: BackupMode; label: string }[] {
  return [
    { mode: 'off', label: 'No cloud backup' },
    { mode: 'standard', label: 'Cloud backup, standard protection' },
    { mode: 'adp', label: isApplePreset(policy) ? 'Cloud backup, Advanced Data Protection' : 'Cloud backup, end-to-end encrypted' },
  ];
}
