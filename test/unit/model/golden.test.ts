import { expect, test } from 'vitest';
import { allRecords, runScenario } from '../../../src/model/index.ts';
import { loadScenario } from './fixtures.ts';

// CHANGE DETECTOR, not a specification: this snapshot pins the exact journal, ledger records and
// ciphertext previews of one scenario. When a deliberate model change alters it, read the diff,
// then update it with `npx vitest run -u test/unit/model/golden.test.ts`.
test('golden journal: offline-two-weeks', async () => {
  const session = runScenario(loadScenario('offline-two-weeks'));
  const golden = {
    journal: session.world.journal,
    records: allRecords(session.world.ledger),
    lastSent: session.world.devices['ana-phone']!.lastSent,
  };
  await expect(JSON.stringify(golden, null, 1)).toMatchFileSnapshot('./__snapshots__/offline-two-weeks.golden.json');
});
