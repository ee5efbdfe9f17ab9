import { formatSimTime, type HeldRecord, type Policy } from '../../model/index.ts';
import { heldCsv, heldRow } from '../held-rows.ts';

/**
 * The ledger's "Download CSV": the records shown, in the order shown. The active policy is
 * required, so records it keeps only to the day never show a time the provider does not keep.
 */
export function ledgerCsv(records: readonly HeldRecord[], policy: Policy): string {
  return heldCsv(records.map((r) => heldRow(r, policy)));
}

/** The ledger's "Download JSON": the moment, the policy's id, and each record as the CSV projects it. */
export function ledgerJson(records: readonly HeldRecord[], at: number, policy: Policy): string {
  return JSON.stringify({ at: formatSimTime(at), policy: policy.id, held: records.map((r) => heldRow(r, policy)) }, null, 2);
}
