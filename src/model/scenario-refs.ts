import { parseHandle } from './handles.ts';
import type { ScenarioCore, ScenarioIssue } from './scenario.ts';

/*
 * The references a scenario makes by name, resolved when it is validated rather than when it runs:
 * a step sent to a contact that does not exist would otherwise be skipped by the world and the
 * journal would still say the scenario ran. Names are compared as the world compares them (trimmed,
 * case-insensitive: src/model/world/directory.ts), so two names that differ only in case collide.
 */

const key = (name: string) => name.trim().toLowerCase();

/** Repeats of a name (case-insensitive) in a list: "Sam" twice, or "sam" beside "Sam". */
function repeats(names: readonly string[], path: (i: number) => (string | number)[], what: string): ScenarioIssue[] {
  const first = new Map<string, string>();
  const issues: ScenarioIssue[] = [];
  names.forEach((name, i) => {
    const earlier = first.get(key(name));
    if (earlier === undefined) first.set(key(name), name);
    else
      issues.push({
        path: path(i),
        message:
          earlier === name
            ? `${what} used once, but "${name}" repeats`
            : `${what} used once, but "${name}" and "${earlier}" differ only in case, and names are matched without case`,
      });
  });
  return issues;
}

export function referenceIssues(s: ScenarioCore): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const people = s.cast.people;
  issues.push(
    ...repeats(
      people.map((p) => p.name),
      (i) => ['cast', 'people', i, 'name'],
      'a person’s name',
    ),
  );
  const owner = new Map<string, number>();
  people.forEach((p, i) => {
    issues.push(...repeats(p.contacts?.map((c) => c.name) ?? [], (j) => ['cast', 'people', i, 'contacts', j, 'name'], 'a contact name'));
    p.devices.forEach((d) => owner.set(d.id, i));
  });
  const contactsOf = (device: string): Set<string> => new Set(people[owner.get(device) ?? -1]?.contacts?.map((c) => key(c.name)) ?? []);

  s.script.forEach((step, i) => {
    if (step.do === 'add-device') {
      const person = people.findIndex((p) => p.id === step.person);
      if (person >= 0) owner.set(step.device.id, person);
      return;
    }
    const addresses: [string, (string | number)[]][] =
      step.do === 'enter-address'
        ? [[step.address, ['script', i, 'address']]]
        : step.do === 'call'
          ? [[step.to, ['script', i, 'to']]]
          : step.do === 'send'
            ? typeof step.to === 'string'
              ? [[step.to, ['script', i, 'to']]]
              : step.to.map((to, j) => [to, ['script', i, 'to', j]])
            : [];
    if (addresses.length === 0 || !('device' in step) || !owner.has(step.device)) return;
    const contacts = contactsOf(step.device);
    for (const [address, path] of addresses) {
      if (contacts.has(key(address)) || parseHandle(address).ok) continue;
      const person = people[owner.get(step.device) as number];
      const names = person?.contacts?.map((c) => c.name) ?? [];
      issues.push({
        path,
        message: `a handle, or the name of one of ${person?.name ?? 'the owner'}'s contacts (${names.length ? names.join(', ') : 'none'}), not "${address}"`,
      });
    }
  });
  return issues;
}
