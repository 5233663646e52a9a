/**
 * Live search of the roles (docs/designer.md, "Search"): a role matches when its title
 * in any language, its holder's name or its id contains the query, case-insensitively.
 * One pass over the roles per query, over a lower-case haystack kept per roles array
 * (its strings kept per role object, so after an edit only the changed roles are
 * lowered again), and no more than `limit` results are kept: fast at 10,000 roles and more.
 */
import type { OrgDocument, Role } from '../schema/v1.ts';

/** How well a role matches: an exact field first, then a field that starts with the query, then one that contains it. */
export const Rank = { exact: 0, prefix: 1, contains: 2 } as const;
export type Rank = (typeof Rank)[keyof typeof Rank];

export interface SearchOutcome {
  /** The query as matched (trimmed, lower case). */
  readonly query: string;
  /** Every role that matches. */
  readonly total: number;
  /** Indices into `doc.roles` of the best `limit` matches: exact, then prefix, then contains, each in document order. */
  readonly shown: readonly number[];
}

/** At most this many results are listed; the count says how many there are in all. */
export const SEARCH_LIMIT = 50;

/** Separates the fields in a role's haystack, so a query never matches across two of them. */
const SEP = '\u0000';

interface Haystack {
  /** Per role: its lower-case fields joined by SEP (id, titles, holder). */
  readonly text: readonly string[];
  /** Role index by id (the first role of an id), built when first asked for. */
  byId?: Map<string, number>;
}

const haystacks = new WeakMap<OrgDocument['roles'], Haystack>();
/** Each role's lower-case text, kept per role object: an edit replaces only the roles it changes. */
const lowered = new WeakMap<Role, string>();

/** A role's fields joined by SEP, lower case. */
function textOf(role: Role): string {
  let text = lowered.get(role);
  if (text === undefined) {
    text = role.id + SEP + role.title;
    for (const lang in role.titles) if (role.titles[lang]) text += SEP + role.titles[lang];
    if (role.holder?.name) text += SEP + role.holder.name;
    text = text.toLowerCase();
    lowered.set(role, text);
  }
  return text;
}

function haystackOf(roles: OrgDocument['roles']): Haystack {
  let hay = haystacks.get(roles);
  if (!hay) {
    hay = { text: roles.map(textOf) };
    haystacks.set(roles, hay);
  }
  return hay;
}

function byIdOf(roles: OrgDocument['roles']): Map<string, number> {
  const hay = haystackOf(roles);
  if (!hay.byId) {
    const byId = new Map<string, number>();
    for (let i = 0; i < roles.length; i++) if (!byId.has(roles[i]!.id)) byId.set(roles[i]!.id, i);
    hay.byId = byId;
  }
  return hay.byId;
}

/** How a role's fields match a lower-case query it is known to contain (`sepQ` is SEP + q). */
function rankOf(text: string, q: string, sepQ: string): Rank {
  if (!text.startsWith(q) && !text.includes(sepQ)) return Rank.contains;
  let rank: Rank = Rank.contains;
  for (const field of text.split(SEP)) {
    if (field === q) return Rank.exact;
    if (field.startsWith(q)) rank = Rank.prefix;
  }
  return rank;
}

/** The roles matching a query: the count and the best `limit` of them (nothing for a blank query). */
export function searchRoles(doc: Pick<OrgDocument, 'roles'>, query: string, limit = SEARCH_LIMIT): SearchOutcome {
  const q = query.trim().toLowerCase();
  if (!q || q.includes(SEP)) return { query: q, total: 0, shown: [] };
  const { text } = haystackOf(doc.roles);
  const tiers: [number[], number[], number[]] = [[], [], []];
  const sepQ = SEP + q;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const hay = text[i]!;
    if (!hay.includes(q)) continue;
    total++;
    // Ranking costs a split: only while a tier that can still be shown has room.
    if (tiers[0].length >= limit) continue;
    const tier = tiers[rankOf(hay, q, sepQ)];
    if (tier.length < limit) tier.push(i);
  }
  return { query: q, total, shown: [...tiers[0], ...tiers[1], ...tiers[2]].slice(0, limit) };
}

/** The role a role reports to, when it is in the document. */
export function managerOf(doc: Pick<OrgDocument, 'roles'>, role: Role): Role | undefined {
  if (role.reportsTo === null) return undefined;
  const i = byIdOf(doc.roles).get(role.reportsTo);
  return i === undefined ? undefined : doc.roles[i];
}

/**
 * Where the query sits in a text shown to the user (case-insensitive), to mark it:
 * [before, match, after], or null when the text does not contain it.
 */
export function splitMatch(text: string, query: string): [string, string, string] | null {
  const q = query.trim().toLowerCase();
  if (!q) return null;
  const lower = text.toLowerCase();
  const at = lower.indexOf(q);
  // Lower-casing can change a string's length (rare letters): then nothing is marked.
  if (at < 0 || lower.length !== text.length) return null;
  return [text.slice(0, at), text.slice(at, at + q.length), text.slice(at + q.length)];
}
