/**
 * How the model cites: every value a preset or a legal response shows names the claims it rests on
 * ("<source id>#<claim id>", each a claim that content/sources/<source id>.yaml lists), or says what
 * it assumes and why. test/unit/honesty.test.ts checks every reference against the source files, so
 * a citation of a claim the source does not make fails with the file and field.
 */

/** One claim of one source: "<source id>#<claim id>". */
export type ClaimRef = `${string}#${string}`;

export interface Cited {
  /** Ids of content/sources entries that support the value (the sources of `claims`, in order). */
  sources: readonly string[];
  /** The claims of those sources that the value rests on. */
  claims?: readonly ClaimRef[];
  /** Present when the value is not published: what the model assumes, and why. */
  assumption?: string;
}

/** A claim reference taken apart; the source id never contains "#", so the first one splits. */
export function splitClaimRef(ref: ClaimRef): { source: string; claim: string } {
  const at = ref.indexOf('#');
  return { source: ref.slice(0, at), claim: ref.slice(at + 1) };
}

/** The basis of a value that rests on these claims: the claims, and their sources once each, in order. */
export function cite(...claims: ClaimRef[]): { sources: string[]; claims: ClaimRef[] } {
  return { sources: [...new Set(claims.map((ref) => splitClaimRef(ref).source))], claims };
}
