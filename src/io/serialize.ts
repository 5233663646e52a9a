/**
 * Export JSON: the canonical text of a document (format.md, "Exporting"): fields in
 * the order of the spec, defaults omitted, two-space indentation, a final newline.
 * `parseDocument(serializeDocument(d))` gives back `d`.
 *
 * The text always comes from one native `JSON.stringify(value, null, 2)`: string
 * writers in JS measured 2–4× slower. What matters is what it is handed
 * (10,000 roles, Node 20): no per-role values. The output alone (~15 MB of young
 * string parts) nearly fills V8's young generation; a 5 MB tree of fresh role
 * objects beside it made scavenges copy both mid-call, ~45 ms instead of ~25. So
 * each role is written into one set of scratch objects just before the stringifier
 * serializes it, through `toJSON`: JSON.stringify calls it per element and
 * serializes the result completely before the next element (ECMA-262
 * SerializeJSONProperty, SerializeJSONArray). Absent fields stay `undefined` in the
 * scratch objects, which JSON.stringify leaves out, so key order is the spec's.
 * Dynamic keys (`titles`, rule ids, `params`, position ids) are never assigned as
 * properties of ordinary objects: records are passed through as they are or copied
 * into null-prototype objects, so `__proto__` stays data.
 */
import type { OrgDocument, Role, RuleSetting } from '../schema/v1.ts';

type Json = unknown;
type Fields = Record<string, Json>;

/** True when `rec` has an own enumerable key (`Object.keys(rec).length > 0` without the array). */
function hasOwnKey(rec: object): boolean {
  for (const key in rec) if (Object.hasOwn(rec, key)) return true;
  return false;
}

/** `map(value)` of each own enumerable entry, in a null-prototype record: any key, `__proto__` included, is data. */
function mapRecord<T>(rec: Readonly<Record<string, T>>, map: (value: T) => Json): Fields {
  const out = Object.create(null) as Fields;
  for (const key of Object.keys(rec)) out[key] = map(rec[key]!);
  return out;
}

const position = (p: { readonly x: number; readonly y: number }): Json => ({ x: p.x, y: p.y });

function ruleSetting(s: RuleSetting): Json {
  const o: Fields = {};
  if (s.enabled !== undefined) o.enabled = s.enabled;
  if (s.severity !== undefined) o.severity = s.severity;
  if (s.params !== undefined) o.params = s.params;
  return o;
}

/** The document's fields in spec order, with `roles` as given. */
function documentFields(doc: OrgDocument, roles: Json): Fields {
  const o: Fields = { format: doc.format, version: doc.version, name: doc.name };
  if (doc.description !== undefined) o.description = doc.description;
  o.currency = doc.currency;
  if (doc.period !== undefined) o.period = doc.period;
  o.roles = roles;
  const rules = doc.settings.rules;
  if (hasOwnKey(rules)) o.settings = { rules: mapRecord(rules, ruleSetting) };
  const { positions, collapsed, direction } = doc.view;
  const view: Fields = {};
  if (hasOwnKey(positions)) view.positions = mapRecord(positions, position);
  if (collapsed.length > 0) view.collapsed = collapsed;
  if (direction !== 'TB' && direction !== undefined) view.direction = direction;
  if (view.positions !== undefined || view.collapsed !== undefined || view.direction !== undefined) o.view = view;
  return o;
}

/**
 * An array of `n` times `item`, one per length per call: `item.toJSON(index)` fills a
 * scratch object from the list being written, so lists of objects allocate nothing
 * per role. (Passing the document's own items through saved under 1 ms at 10,000
 * roles even without the key-order and prototype check per item it would need.)
 */
function listOf(cache: object[][], n: number, item: object): object[] {
  let list = cache[n];
  if (list === undefined) {
    list = [];
    for (let i = 0; i < n; i++) list.push(item);
    cache[n] = list;
  }
  return list;
}

/**
 * The document as a value for JSON.stringify only: its roles are written one at a time
 * into scratch objects while the stringifier walks it. Scratch state is per call, so
 * a serialization started inside another (a `toJSON` in rule params) has its own.
 */
function streamingValue(doc: OrgDocument): Json {
  // Every scratch object is created with all its keys in spec order, so each keeps one shape.
  const role: Fields = {
    id: undefined, title: undefined, titles: undefined, family: undefined, function: undefined, level: undefined,
    reportsTo: undefined, dottedLines: undefined, external: undefined, assistant: undefined, archetype: undefined,
    headcount: undefined, vacancies: undefined, holder: undefined, salary: undefined, revenueTarget: undefined,
    accounts: undefined, budgets: undefined, decisions: undefined, requirements: undefined, exceptions: undefined,
  };
  const holder: Fields = { name: undefined, yearsExperience: undefined, yearsManagement: undefined, languages: undefined };
  const salary: Fields = { min: undefined, max: undefined, bonusPct: undefined };
  const requirements: Fields = { minYearsManagement: undefined, minYearsExperience: undefined, languages: undefined };
  const dotted: Fields = { to: undefined, kind: undefined, note: undefined };
  const account: Fields = { tier: undefined, count: undefined };
  const budget: Fields = { id: undefined, kind: undefined, amount: undefined, parent: undefined };
  const decisionOut: Fields = { area: undefined, authority: undefined, scope: undefined, limit: undefined };
  const percent: Fields = { percent: undefined };
  const amount: Fields = { amount: undefined };
  const exception: Fields = { rule: undefined, reason: undefined };

  // The role being written; its lists' items read from it by index.
  let current: Role;
  const dottedItem = {
    toJSON(index: string): Json {
      const d = current.dottedLines[+index]!;
      dotted.to = d.to; dotted.kind = d.kind; dotted.note = d.note;
      return dotted;
    },
  };
  const accountItem = {
    toJSON(index: string): Json {
      const a = current.accounts[+index]!;
      account.tier = a.tier; account.count = a.count;
      return account;
    },
  };
  const budgetItem = {
    toJSON(index: string): Json {
      const b = current.budgets[+index]!;
      budget.id = b.id; budget.kind = b.kind; budget.amount = b.amount; budget.parent = b.parent;
      return budget;
    },
  };
  const decisionItem = {
    toJSON(index: string): Json {
      const d = current.decisions[+index]!;
      decisionOut.area = d.area;
      decisionOut.authority = d.authority === 'decide' ? undefined : d.authority;
      decisionOut.scope = d.scope;
      const l = d.limit;
      if (!l) decisionOut.limit = l;
      else if ('percent' in l) { percent.percent = l.percent; decisionOut.limit = percent; }
      else { amount.amount = l.amount; decisionOut.limit = amount; }
      return decisionOut;
    },
  };
  const exceptionItem = {
    toJSON(index: string): Json {
      const e = current.exceptions[+index]!;
      exception.rule = e.rule; exception.reason = e.reason;
      return exception;
    },
  };
  const dottedLists: object[][] = [];
  const accountLists: object[][] = [];
  const budgetLists: object[][] = [];
  const decisionLists: object[][] = [];
  const exceptionLists: object[][] = [];

  const roles = doc.roles;
  const roleItem = {
    toJSON(index: string): Json {
      const r = roles[+index]!;
      current = r;
      role.id = r.id;
      role.title = r.title;
      role.titles = hasOwnKey(r.titles) ? r.titles : undefined;
      role.family = r.family === 'other' ? undefined : r.family;
      role.function = r.function === 'account-management' ? undefined : r.function;
      role.level = r.level;
      role.reportsTo = r.reportsTo === null ? undefined : r.reportsTo;
      const dl = r.dottedLines.length;
      role.dottedLines = dl > 0 ? listOf(dottedLists, dl, dottedItem) : undefined;
      role.external = r.external === false ? undefined : r.external;
      role.assistant = r.assistant === false ? undefined : r.assistant;
      role.archetype = r.archetype;
      role.headcount = r.headcount === 1 ? undefined : r.headcount;
      role.vacancies = r.vacancies === 0 ? undefined : r.vacancies;
      const h = r.holder;
      if (h) {
        holder.name = h.name; holder.yearsExperience = h.yearsExperience; holder.yearsManagement = h.yearsManagement; holder.languages = h.languages;
        role.holder = holder;
      } else role.holder = h;
      const s = r.salary;
      if (s) {
        salary.min = s.min; salary.max = s.max; salary.bonusPct = s.bonusPct;
        role.salary = salary;
      } else role.salary = s;
      role.revenueTarget = r.revenueTarget;
      const ac = r.accounts.length;
      role.accounts = ac > 0 ? listOf(accountLists, ac, accountItem) : undefined;
      const bu = r.budgets.length;
      role.budgets = bu > 0 ? listOf(budgetLists, bu, budgetItem) : undefined;
      const de = r.decisions.length;
      role.decisions = de > 0 ? listOf(decisionLists, de, decisionItem) : undefined;
      const q = r.requirements;
      if (q) {
        requirements.minYearsManagement = q.minYearsManagement; requirements.minYearsExperience = q.minYearsExperience; requirements.languages = q.languages;
        role.requirements = requirements;
      } else role.requirements = q;
      const ex = r.exceptions.length;
      role.exceptions = ex > 0 ? listOf(exceptionLists, ex, exceptionItem) : undefined;
      return role;
    },
  };
  const roleList: object[] = [];
  for (let i = 0; i < roles.length; i++) roleList.push(roleItem);
  return documentFields(doc, roleList);
}

/** The text Export JSON writes. */
export function serializeDocument(doc: OrgDocument): string {
  return `${JSON.stringify(streamingValue(doc), null, 2)}\n`;
}

/** The same canonical JSON without whitespace (what autosave stores). */
export function compactDocumentJson(doc: OrgDocument): string {
  return JSON.stringify(streamingValue(doc));
}
