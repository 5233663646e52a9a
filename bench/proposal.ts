/**
 * A base and a proposal for the comparison figures (issue 18): a generated organization and
 * the same with 1% of the roles moved, 1% with a new salary, 1% removed and as many added,
 * each loaded from its own text, so no role object is shared and every field is compared
 * (an edited scenario in the app shares its unchanged roles with its base, which is faster).
 * Used by the Node bench (scripts/bench.ts) and the compare view's (bench/compare.ts).
 */
import { serializeDocument } from '../src/io/serialize.ts';
import { generateOrg } from '../src/model/generate.ts';
import { parseDocument } from '../src/schema/parse.ts';
import type { OrgDocument } from '../src/schema/v1.ts';

export function proposalPair(roles: number): { base: OrgDocument; proposed: OrgDocument } {
  const plain = JSON.parse(serializeDocument(generateOrg({ roles, seed: 42 }))) as { roles: { id: string; reportsTo?: string; salary?: { min: number; max: number } }[] };
  const byId = new Map(plain.roles.map((r) => [r.id, r]));
  const edited = plain.roles.flatMap((r, i) => {
    if (i < 10 || i % 100 === 0 || i % 100 > 3) return [r];
    if (i % 100 === 1) {
      // To the manager of the next role (a peer team), unless that would put it under itself.
      const to = plain.roles[i + 1]?.reportsTo;
      return [to && to !== r.id && byId.get(to)?.reportsTo !== r.id ? { ...r, reportsTo: to } : r];
    }
    if (i % 100 === 2) return [{ ...r, salary: { min: 500_000, max: 700_000 } }];
    return [];
  });
  // As many added as removed: a 50,000-role proposal stays within the format's bound.
  const added = Array.from({ length: plain.roles.length - edited.length }, (_, k) => ({ id: `new-${k}`, title: `New role ${k}`, level: 2, reportsTo: plain.roles[10 + (k % 50)]!.id }));
  const load = (value: unknown) => {
    const result = parseDocument(JSON.stringify(value));
    if (!result.ok) throw new Error(result.error.message);
    return result.doc;
  };
  return { base: load(plain), proposed: load({ ...plain, name: 'Proposal', roles: [...edited, ...added] }) };
}
