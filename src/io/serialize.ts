/**
 * Export JSON: the canonical text of a document (format.md, "Exporting"): fields in
 * the order of the spec, defaults omitted, two-space indentation, a final newline.
 * `parseDocument(serializeDocument(d))` gives back `d`.
 *
 * The text always comes from one native `JSON.stringify(value, null, 2)`: string
 * writers in JS measured 2–4× slower. What matters is what it is handed
 * (10,000 roles, Node 20): no per-role values. The output alone (~15 MB of young
 * string parts) nearly fills V8's young generation; a 5 MB tree of fresh role
 * objects beside it made scavenges copy both mid-call, ~45 ms instead of ~25, and
 * fresh objects stringified in chunks of 32–4,096 roles and joined took ~40 ms. So
 * each role is written into one set of scratch objects just before the stringifier
 * serializes it, through `toJSON`: JSON.stringify calls it per element and
 * serializes the result completely before the next element (ECMA-262
 * SerializeJSONProperty, SerializeJSONArray). This is what keeps the serialize figure of
 * docs/performance.md (18.9 ms at 10,000 roles, target ≤ 20 ms). Absent fields stay `undefined` in the
 * scratch objects, which JSON.stringify leaves out, so key order is the spec's.
 * Dynamic keys (`titles`, rule ids, `params`, position ids) are never assigned as
 * properties of ordinary objects: records are passed through as they are or copied
 * into null-prototype objects, so `__proto__` stays data.
 */
import { DEFAULTS } from '../schema/constants.ts';
import type { Budget, DecisionRight, DottedLine, OrgDocument, Role, RuleSetting } from '../schema/v1.ts';

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
  if (direction !== DEFAULTS.direction && direction !== undefined) view.direction = direction;
  if (view.positions !== undefined || view.collapsed !== undefined || view.direction !== undefined) o.view = view;
  return o;
}

/**
 * Scratch objects for one kind of list item, one per index. A role's lists are filled
 * in the role's own `toJSON`, so the stringifier walks them without calling back into
 * JS per item (a call per item cost ~1.5 ms at 10,000 roles).
 */
class ScratchList {
  private readonly items: Fields[] = [];
  /** One array per length, of the first items. */
  private readonly lists: Fields[][] = [];
  constructor(private readonly make: () => Fields) {}

  /** The `i`th scratch item. */
  at(i: number): Fields {
    while (this.items.length <= i) this.items.push(this.make());
    return this.items[i]!;
  }

  /** `list` written into the first items, or undefined when empty (the default, left out). */
  fill<T>(list: readonly T[], write: (o: Fields, item: T, i: number) => void): Fields[] | undefined {
    const n = list.length;
    if (n === 0) return undefined;
    let out = this.lists[n];
    if (out === undefined) {
      this.at(n - 1);
      this.lists[n] = out = this.items.slice(0, n);
    }
    for (let i = 0; i < n; i++) write(out[i]!, list[i]!, i);
    return out;
  }
}

/**
 * The document as a value for JSON.stringify only: its roles are written one at a time
 * into scratch objects while the stringifier walks it. Scratch state is per call, so
 * a serialization started inside another (a `toJSON` in rule params) has its own.
 */
function streamingValue(doc: OrgDocument): Json {
  return documentFields(doc, roleListValue(doc.roles));
}

/** The roles as a value for JSON.stringify, each written into scratch objects as it is reached. */
function roleListValue(roles: readonly Role[]): Json {
  // Every scratch object is created with all its keys in spec order, so each keeps one shape (for the serialize figure).
  const role: Fields = {
    id: undefined, title: undefined, titles: undefined, family: undefined, function: undefined, level: undefined,
    reportsTo: undefined, dottedLines: undefined, external: undefined, assistant: undefined, archetype: undefined,
    headcount: undefined, vacancies: undefined, holder: undefined, salary: undefined, revenueTarget: undefined,
    accounts: undefined, budgets: undefined, decisions: undefined, requirements: undefined, exceptions: undefined,
  };
  // Most roles use none of the other fields: the stringifier skips fewer undefined keys (~1 ms at 10,000 roles).
  const lean: Fields = {
    id: undefined, title: undefined, titles: undefined, family: undefined, function: undefined, level: undefined,
    reportsTo: undefined, archetype: undefined, holder: undefined, salary: undefined, revenueTarget: undefined,
    accounts: undefined, decisions: undefined,
  };
  const holder: Fields = { name: undefined, yearsExperience: undefined, yearsManagement: undefined, languages: undefined };
  const salary: Fields = { min: undefined, max: undefined, bonusPct: undefined };
  const requirements: Fields = { minYearsManagement: undefined, minYearsExperience: undefined, languages: undefined };
  const dotted = new ScratchList(() => ({ to: undefined, kind: undefined, note: undefined }));
  const accounts = new ScratchList(() => ({ tier: undefined, count: undefined }));
  const budgets = new ScratchList(() => ({ id: undefined, kind: undefined, amount: undefined, parent: undefined }));
  const decisions = new ScratchList(() => ({ area: undefined, authority: undefined, scope: undefined, limit: undefined }));
  const percents = new ScratchList(() => ({ percent: undefined }));
  const amounts = new ScratchList(() => ({ amount: undefined }));
  const exceptions = new ScratchList(() => ({ rule: undefined, reason: undefined }));

  const writeDotted = (o: Fields, d: DottedLine) => { o.to = d.to; o.kind = d.kind; o.note = d.note; };
  const writeAccount = (o: Fields, a: Role['accounts'][number]) => { o.tier = a.tier; o.count = a.count; };
  const writeBudget = (o: Fields, b: Budget) => { o.id = b.id; o.kind = b.kind; o.amount = b.amount; o.parent = b.parent; };
  const writeException = (o: Fields, e: Role['exceptions'][number]) => { o.rule = e.rule; o.reason = e.reason; };
  const writeDecision = (o: Fields, d: DecisionRight, i: number) => {
    o.area = d.area;
    o.authority = d.authority === DEFAULTS.authority ? undefined : d.authority;
    o.scope = d.scope;
    const l = d.limit;
    if (!l) o.limit = l;
    else if ('percent' in l) { const x = percents.at(i); x.percent = l.percent; o.limit = x; }
    else { const x = amounts.at(i); x.amount = l.amount; o.limit = x; }
  };

  const roleItem = {
    toJSON(index: string): Json {
      const r = roles[+index]!;
      const full = r.dottedLines.length > 0 || r.external !== DEFAULTS.external || r.assistant !== DEFAULTS.assistant || r.headcount !== DEFAULTS.headcount || r.vacancies !== DEFAULTS.vacancies
        || r.budgets.length > 0 || r.requirements !== undefined || r.exceptions.length > 0;
      const o = full ? role : lean;
      o.id = r.id;
      o.title = r.title;
      o.titles = hasOwnKey(r.titles) ? r.titles : undefined;
      o.family = r.family === DEFAULTS.family ? undefined : r.family;
      o.function = r.function === DEFAULTS.function ? undefined : r.function;
      o.level = r.level;
      o.reportsTo = r.reportsTo === null ? undefined : r.reportsTo;
      o.archetype = r.archetype;
      const h = r.holder;
      if (h) {
        holder.name = h.name; holder.yearsExperience = h.yearsExperience; holder.yearsManagement = h.yearsManagement; holder.languages = h.languages;
        o.holder = holder;
      } else o.holder = h;
      const s = r.salary;
      if (s) {
        salary.min = s.min; salary.max = s.max; salary.bonusPct = s.bonusPct;
        o.salary = salary;
      } else o.salary = s;
      o.revenueTarget = r.revenueTarget;
      o.accounts = accounts.fill(r.accounts, writeAccount);
      o.decisions = decisions.fill(r.decisions, writeDecision);
      if (full) {
        o.dottedLines = dotted.fill(r.dottedLines, writeDotted);
        o.external = r.external === DEFAULTS.external ? undefined : r.external;
        o.assistant = r.assistant === DEFAULTS.assistant ? undefined : r.assistant;
        o.headcount = r.headcount === DEFAULTS.headcount ? undefined : r.headcount;
        o.vacancies = r.vacancies === DEFAULTS.vacancies ? undefined : r.vacancies;
        o.budgets = budgets.fill(r.budgets, writeBudget);
        const q = r.requirements;
        if (q) {
          requirements.minYearsManagement = q.minYearsManagement; requirements.minYearsExperience = q.minYearsExperience; requirements.languages = q.languages;
          o.requirements = requirements;
        } else o.requirements = q;
        o.exceptions = exceptions.fill(r.exceptions, writeException);
      }
      return o;
    },
  };
  const roleList: object[] = [];
  for (let i = 0; i < roles.length; i++) roleList.push(roleItem);
  return roleList;
}

/** The text Export JSON writes. */
export function serializeDocument(doc: OrgDocument): string {
  return `${JSON.stringify(streamingValue(doc), null, 2)}\n`;
}

/** The same canonical JSON without whitespace (what autosave stores). */
export function compactDocumentJson(doc: OrgDocument): string {
  return JSON.stringify(streamingValue(doc));
}

/**
 * The compact JSON of a document in parts, for storage that writes only what changed:
 * `head + roleTexts.join(',') + tail` is `compactDocumentJson(doc)` when `roleTexts`
 * are `compactRolesJson` of consecutive slices of `doc.roles`. `head` ends with
 * `"roles":[` and `tail` starts with `]`.
 */
export function compactDocumentParts(doc: OrgDocument): { readonly head: string; readonly tail: string } {
  return splitAtRoles(JSON.stringify(documentFields(doc, [])));
}

/** A compact document text with no roles, cut inside its empty `"roles":[]` (head ends with `[`). */
export function splitAtRoles(text: string): { readonly head: string; readonly tail: string } {
  // Inside a JSON string every quote is escaped, so the first unescaped `"roles":[]` is the key
  // itself (it comes before `settings` and `view`, the only other objects).
  const at = text.indexOf('"roles":[]') + '"roles":['.length;
  return { head: text.slice(0, at), tail: text.slice(at) };
}

/** The compact JSON of some roles, comma-separated, without the brackets of a list. */
export function compactRolesJson(roles: readonly Role[]): string {
  return JSON.stringify(roleListValue(roles)).slice(1, -1);
}
