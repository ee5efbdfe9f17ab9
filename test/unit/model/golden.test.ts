import { expect, test } from 'vitest';
import { allRecords, runScenario, scenarioPolicy } from '../../../src/model/index.ts';
import { realCrypto } from '../../../src/model/real-crypto.ts';
import { loadScenario } from './fixtures.ts';

// CHANGE DETECTOR, not a specification: this snapshot pins the exact journal, ledger records and
// ciphertext previews of one scenario. When a deliberate model change alters it, read the diff,
// then update it with `npx vitest run -u test/unit/model/golden.test.ts`.
test('golden journal: offline-two-weeks', async () => {
  // Sealed as sent, so the snapshot pins real ciphertext bytes (crypto.test.ts shows sealing on view gives the same).
  const scenario = loadScenario('offline-two-weeks');
  const session = runScenario(scenario, { engine: { crypto: realCrypto, policies: [scenarioPolicy(scenario)] } });
  const golden = {
    journal: session.world.journal,
    records: allRecords(session.world.ledger),
    lastSent: session.world.devices['ana-phone']!.lastSent,
  };
  await expect(JSON.stringify(golden, null, 1)).toMatchFileSnapshot('./__snapshots__/offline-two-weeks.golden.json');
});
