/**
 * Roles cut into chunks for storage, so a save writes only the chunks an edit changed.
 *
 * Where a chunk ends depends only on the role ids (a hash of the id), not on positions
 * in the list: adding or deleting a role changes its own chunk and no other, where
 * fixed-size chunks would all shift. Documents are immutable, so an unchanged chunk is
 * recognized by reference: the same role objects in the same order.
 */
import type { Role } from '../schema/v1.ts';

/** A chunk ends after a role whose id hashes to 0 modulo this: ~64 roles (~16 kB) a chunk. */
const SPREAD = 64;
/** A chunk never holds more roles than this, whatever the ids. */
export const MAX_CHUNK_ROLES = 256;

export interface Chunk {
  /** The roles `[start, end)` of the document. */
  readonly start: number;
  readonly end: number;
}

/** FNV-1a of the id's UTF-16 units: cheap, and spread evenly enough for cutting. */
function ends(id: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % SPREAD === 0;
}

/** The chunks of a list of roles, in order, covering it. */
export function chunkRoles(roles: readonly Role[]): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  for (let i = 0; i < roles.length; i++) {
    if (ends(roles[i]!.id) || i + 1 - start >= MAX_CHUNK_ROLES) {
      chunks.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < roles.length) chunks.push({ start, end: roles.length });
  return chunks;
}

/**
 * For each chunk of `roles`, the index of the chunk of `before` holding the very same
 * role objects (then it need not be written again), or -1.
 */
export function matchChunks(roles: readonly Role[], chunks: readonly Chunk[], before: readonly Role[], beforeChunks: readonly Chunk[]): number[] {
  const byFirst = new Map<Role, number>();
  beforeChunks.forEach((c, i) => byFirst.set(before[c.start]!, i));
  return chunks.map((c) => {
    const i = byFirst.get(roles[c.start]!);
    if (i === undefined) return -1;
    const old = beforeChunks[i]!;
    if (old.end - old.start !== c.end - c.start) return -1;
    for (let k = 1; k < c.end - c.start; k++) if (roles[c.start + k] !== before[old.start + k]) return -1;
    return i;
  });
}
