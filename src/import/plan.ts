/**
 * A table and its mapping → the org document it makes, and what the preview shows: roles,
 * top roles, problems per row, and what was inferred (issue 19, items 2–4).
 *
 * Problems never stop an import: as format.md's loading rules say of a document, a missing
 * manager or a reporting cycle loads and the rules report it. A row without an id still
 * becomes a role (with a made-up id), a duplicate id gets a new one, an ambiguous or
 * missing manager leaves the role at the top (or under an external role, if chosen).
 */
import { ACCOUNT_TIERS, CURRENCY_PATTERN, CURRENT_VERSION, DIRECTIONS, FAMILIES, FORMAT_NAME, FUNCTIONS, ID_PATTERN, MAX_LENGTH, MAX_LEVEL, MAX_ROLES, MIN_LEVEL, roleWithDefaults } from '../schema/constants.ts';
import { parseFast } from '../schema/fast.ts';
import type { AccountTier, DottedLine, Family, OrgDocument, Role, RoleFunction, Salary } from '../schema/v1.ts';
import { DOTTED_KIND_SEPARATOR, unescapeCell } from '../io/csv.ts';
import { holderName, nameKey, referenceKind, splitReferences } from './guess.ts';
import { functionGuess, titleGuess } from './infer.ts';
import { messagesIn, ROLE_TITLES, type NumberKind } from './messages.ts';
import type { FieldId, ImportOptions, ImportPlan, ImportProblem, Inference, Mapping, ReferenceKind, Table } from './types.ts';

/** The currency of a document whose file names none and has no amounts (nothing is in any currency). */
const DEFAULT_CURRENCY = 'CNY';
const DEFAULT_NAME = 'Imported organization';

const TIER_FIELDS: Readonly<Record<AccountTier, FieldId>> = {
  strategic: 'accountsStrategic',
  enterprise: 'accountsEnterprise',
  'mid-market': 'accountsMidMarket',
  smb: 'accountsSmb',
};

const FAMILY_LEVEL: Readonly<Record<Family, number | undefined>> = { 'head-am': 5, 'am-lead': 4, 'senior-am': 3, am: 2, 'am-ops': 3, other: undefined };

type Found = { readonly index: number } | { readonly ambiguous: number } | { readonly missing: true };

export function planImport(table: Table, mapping: Mapping, options: ImportOptions): ImportPlan {
  const col = (field: FieldId): number => mapping.columns.indexOf(field);
  const language = options.language ?? 'en';
  const say = messagesIn(language);
  const problems: ImportProblem[] = [];
  const inferences = new Map<string, { field: string; message: string; count: number }>();
  const infer = (field: string, message: string): void => {
    const key = `${field}\u0000${message}`;
    const seen = inferences.get(key);
    if (seen) seen.count++;
    else inferences.set(key, { field, message, count: 1 });
  };

  let rows = table.rows;
  if (rows.length > MAX_ROLES) {
    problems.push({ row: 0, kind: 'too-many-rows', message: say.tooManyRows({ rows: rows.length.toLocaleString('en-US'), max: MAX_ROLES.toLocaleString('en-US') }) });
    rows = rows.slice(0, MAX_ROLES);
  }
  // Cells as the file means them: our own CSV export escapes text a spreadsheet would run as a formula.
  const text = (row: readonly string[], column: number): string => (column >= 0 ? unescapeCell(row[column] ?? '').trim() : '');

  const [idCol, emailCol, nameCol, firstCol, lastCol, managerCol, dottedCol] = (['id', 'email', 'name', 'firstName', 'lastName', 'manager', 'dotted'] as const).map(col) as [number, number, number, number, number, number, number];

  // Role ids: the file's id when the format accepts it, else one made from it; unique.
  const used = new Set<string>();
  const roleIds: string[] = [];
  const byId = new Map<string, number>();
  const byEmail = new Map<string, number>();
  const byName = new Map<string, number[]>();
  const names: string[] = [];
  rows.forEach((row, i) => {
    const n = i + 1;
    const sourceId = text(row, idCol);
    const email = text(row, emailCol).toLowerCase();
    const name = holderName(row.map((c) => unescapeCell(c)), nameCol, firstCol, lastCol).trim();
    names.push(name);
    if (idCol >= 0 && sourceId === '') problems.push({ row: n, kind: 'missing-id', message: say.missingId({ row: n }) });
    if (sourceId !== '' && byId.has(sourceId)) {
      problems.push({ row: n, kind: 'duplicate-id', message: say.duplicateId({ row: n, id: sourceId, first: byId.get(sourceId)! + 1 }) });
    } else if (sourceId !== '') byId.set(sourceId, i);
    if (email !== '' && !byEmail.has(email)) byEmail.set(email, i);
    if (name !== '') {
      const key = nameKey(name);
      const list = byName.get(key);
      if (list) list.push(i);
      else byName.set(key, [i]);
    }
    // A duplicate id keeps its text with a suffix (uniqueId), so it stays recognizable.
    const wanted = sourceId !== '' ? sourceId : idCol >= 0 ? '' : email || name;
    roleIds.push(uniqueId(wanted, n, used));
  });

  const find = (ref: string, kind: ReferenceKind): Found => {
    if (kind === 'email') {
      const at = byEmail.get(ref.toLowerCase());
      return at === undefined ? { missing: true } : { index: at };
    }
    if (kind === 'name') {
      const list = byName.get(nameKey(ref));
      if (!list) return { missing: true };
      return list.length === 1 ? { index: list[0]! } : { ambiguous: list.length };
    }
    const at = byId.get(ref);
    return at === undefined ? { missing: true } : { index: at };
  };

  // Managers outside the file: an external role each, when the user asks for it.
  const outside = new Map<string, { id: string; label: string; kind: ReferenceKind; reports: number[] }>();
  const managerKind = mapping.managerKind ?? (managerCol >= 0 ? referenceKind(table, mapping.columns, managerCol) : null);
  const dottedKind = dottedCol >= 0 ? referenceKind(table, mapping.columns, dottedCol) : null;
  const reportsTo: (string | null)[] = rows.map(() => null);
  const parentIndex: number[] = rows.map(() => -1);
  if (managerCol >= 0 && managerKind) {
    rows.forEach((row, i) => {
      const n = i + 1;
      const ref = text(row, managerCol);
      if (ref === '') return;
      const found = find(ref, managerKind);
      if ('index' in found) {
        reportsTo[i] = roleIds[found.index]!;
        parentIndex[i] = found.index;
      } else if ('ambiguous' in found) {
        problems.push({ row: n, kind: 'ambiguous-manager', message: say.ambiguousManager({ row: n, count: found.ambiguous, ref }) });
      } else {
        const external = options.outsideManagers === 'external';
        problems.push({ row: n, kind: 'manager-not-found', message: say.managerNotFound({ row: n, kind: managerKind, ref, external }) });
        if (external) {
          const key = managerKind === 'name' ? nameKey(ref) : managerKind === 'email' ? ref.toLowerCase() : ref;
          let entry = outside.get(key);
          if (!entry) {
            entry = { id: uniqueId(`ext-${ref}`, rows.length + outside.size + 1, used), label: ref, kind: managerKind, reports: [] };
            outside.set(key, entry);
          }
          entry.reports.push(i);
          reportsTo[i] = entry.id;
        }
      }
    });
  }

  // Cycles: a row whose chain of managers comes back to it.
  for (const cycle of findCycles(parentIndex)) {
    const path = [...cycle, cycle[0]!].map((i) => roleIds[i]).join(' → ');
    for (const i of cycle) problems.push({ row: i + 1, kind: 'cycle', message: say.cycle({ row: i + 1, path }) });
  }

  // Currency: the option, else the file's currency column.
  let currency = options.currency?.trim().toUpperCase();
  if (currency !== undefined && !CURRENCY_PATTERN.test(currency)) currency = undefined;
  const currencyCol = col('currency');
  if (currency === undefined && currencyCol >= 0) {
    const codes = new Set(rows.map((r) => text(r, currencyCol).toUpperCase()).filter((c) => CURRENCY_PATTERN.test(c)));
    if (codes.size > 0) currency = [...codes][0];
    if (codes.size > 1) problems.push({ row: 0, kind: 'mixed-currency', message: say.mixedCurrency({ codes: [...codes], currency: currency! }) });
  }

  const numberIn = (row: readonly string[], field: FieldId, n: number, kind: NumberKind): number | undefined => {
    const column = col(field);
    const cell = text(row, column);
    if (cell === '') return undefined;
    const value = parseNumber(cell, kind === 'percent');
    const ok = value !== undefined && value >= 0 && (kind === 'amount' || Number.isInteger(value) || kind === 'percent') && (kind !== 'percent' || value <= 100) && (kind !== 'level' || (value >= MIN_LEVEL && value <= MAX_LEVEL));
    if (ok) return value;
    problems.push({ row: n, kind: 'bad-number', message: say.badNumber({ row: n, column: table.headers[column]!, cell, kind, min: MIN_LEVEL, max: MAX_LEVEL }) });
    return undefined;
  };
  const flagIn = (row: readonly string[], field: FieldId, n: number): boolean | undefined => {
    const column = col(field);
    const cell = text(row, column).toLowerCase();
    if (cell === '') return undefined;
    if (TRUE.has(cell)) return true;
    if (FALSE.has(cell)) return false;
    problems.push({ row: n, kind: 'bad-value', message: say.badFlag({ row: n, column: table.headers[column]!, cell }) });
    return undefined;
  };

  let hasAmounts = false;
  const titleCol = col('title');
  const titleZhCol = col('titleZh');
  const departmentCol = col('department');
  const roles: Role[] = rows.map((row, i) => {
    const n = i + 1;
    const titleText = text(row, titleCol);
    const titleZh = text(row, titleZhCol);
    let title = (titleText || titleZh).slice(0, MAX_LENGTH.title);
    // A role the file does not title gets a title in both languages; the message quotes the one its reader sees.
    const untitled = title === '';
    if (untitled) {
      title = ROLE_TITLES.untitled.en;
      infer('title', say.untitled({ title: ROLE_TITLES.untitled[language] }));
    }
    const guess = titleGuess(`${titleText} ${titleZh}`);
    const familyCell = text(row, col('family'));
    const family = (FAMILIES as readonly string[]).includes(familyCell) ? (familyCell as Family) : undefined;
    if (familyCell !== '' && family === undefined) problems.push({ row: n, kind: 'bad-value', message: say.badFamily({ row: n, cell: familyCell, families: FAMILIES }) });
    let level = numberIn(row, 'level', n, 'level');
    const finalFamily = family ?? guess.family;
    if (family === undefined) {
      infer('family', say.familyFromTitle({ matched: guess.matched || undefined, family: guess.family, level: level === undefined ? guess.level : undefined }));
    }
    if (level === undefined) {
      level = family !== undefined && family !== guess.family ? (FAMILY_LEVEL[family] ?? guess.level) : guess.level;
      if (family !== undefined) infer('level', say.levelOfFamily({ level, family }));
    }
    const fnCell = text(row, col('function'));
    let fn: RoleFunction | undefined = (FUNCTIONS as readonly string[]).includes(fnCell) ? (fnCell as RoleFunction) : undefined;
    if (fn === undefined) {
      const fromDepartment = functionGuess(text(row, departmentCol));
      const fromTitle = fromDepartment ? undefined : functionGuess(titleText);
      const hit = fromDepartment ?? fromTitle;
      if (hit) {
        fn = hit.fn;
        infer('function', say.functionFrom({ matched: hit.matched, source: fromDepartment ? 'department' : 'title', fn: hit.fn }));
      }
    }
    const salary = salaryOf(row, n);
    const revenueTarget = numberIn(row, 'revenueTarget', n, 'amount');
    if (salary || revenueTarget !== undefined) hasAmounts = true;
    const headcount = numberIn(row, 'headcount', n, 'count');
    const vacancies = numberIn(row, 'vacancies', n, 'count');
    const accounts = ACCOUNT_TIERS.flatMap((tier) => {
      const count = numberIn(row, TIER_FIELDS[tier], n, 'count');
      return count === undefined ? [] : [{ tier, count }];
    });
    const dottedLines = dottedOf(row, i);
    const name = names[i]!.slice(0, MAX_LENGTH.holderName);
    return roleWithDefaults({
      id: roleIds[i]!,
      title,
      ...(titleZh && titleText ? { titles: { 'zh-CN': titleZh.slice(0, MAX_LENGTH.title) } } : untitled ? { titles: { 'zh-CN': ROLE_TITLES.untitled['zh-CN'] } } : {}),
      family: finalFamily,
      ...(fn ? { function: fn } : {}),
      level,
      reportsTo: reportsTo[i]!,
      dottedLines,
      external: flagIn(row, 'external', n) ?? false,
      assistant: flagIn(row, 'assistant', n) ?? false,
      headcount: headcount !== undefined && headcount >= 1 ? headcount : 1,
      vacancies: vacancies ?? 0,
      ...(name ? { holder: { name } } : {}),
      ...(salary ? { salary } : {}),
      ...(revenueTarget !== undefined ? { revenueTarget } : {}),
      accounts,
    });
  });

  function salaryOf(row: readonly string[], n: number): Salary | undefined {
    let min = numberIn(row, 'salaryMin', n, 'amount');
    let max = numberIn(row, 'salaryMax', n, 'amount');
    const bonusPct = numberIn(row, 'bonusPct', n, 'percent');
    if (min === undefined && max === undefined) {
      const one = numberIn(row, 'salary', n, 'amount');
      if (one !== undefined) {
        min = max = one;
        infer('salary', say.salaryBand());
      }
    }
    if (min === undefined && max === undefined) return undefined;
    return { min: min ?? max!, max: max ?? min!, ...(bonusPct !== undefined ? { bonusPct } : {}) };
  }

  function dottedOf(row: readonly string[], i: number): DottedLine[] {
    if (dottedCol < 0 || !dottedKind) return [];
    const lines: DottedLine[] = [];
    for (const entry of splitReferences(text(row, dottedCol), dottedKind)) {
      // Our CSV export writes `to:kind`; a kind never holds ':', ids may.
      const at = entry.lastIndexOf(DOTTED_KIND_SEPARATOR);
      const suffix = at > 0 ? entry.slice(at + 1) : '';
      const kind = suffix === 'partner' || suffix === 'indirect-manager' ? suffix : 'indirect-manager';
      const ref = suffix === kind && at > 0 ? entry.slice(0, at) : entry;
      const found = find(ref, dottedKind);
      if ('index' in found) {
        const to = roleIds[found.index]!;
        if (found.index !== i && !lines.some((l) => l.to === to)) lines.push({ to, kind });
      } else {
        problems.push({
          row: i + 1,
          kind: 'ambiguous' in found ? 'ambiguous-dotted-line' : 'dotted-line-not-found',
          message: 'ambiguous' in found ? say.ambiguousDottedLine({ row: i + 1, count: found.ambiguous, ref }) : say.dottedLineNotFound({ row: i + 1, kind: dottedKind, ref }),
        });
      }
    }
    return lines;
  }

  // External roles for managers outside the file, one level above their highest report.
  for (const entry of outside.values()) {
    const level = Math.min(MAX_LEVEL, Math.max(...entry.reports.map((i) => roles[i]!.level)) + 1);
    roles.push(roleWithDefaults({ id: entry.id, title: ROLE_TITLES.outsideManager.en, titles: { 'zh-CN': ROLE_TITLES.outsideManager['zh-CN'] }, family: 'other', level, external: true, ...(entry.kind === 'name' ? { holder: { name: entry.label.slice(0, MAX_LENGTH.holderName) } } : {}) }));
    infer('external', say.externalManagers());
  }
  for (const field of ['location', 'department', 'costCenter', 'email'] as const) {
    if (col(field) >= 0) inferences.set(`kept:${field}`, { field, message: say.notKept({ field }), count: rows.length });
  }

  const needsCurrency = currency === undefined && hasAmounts;
  const doc = {
    format: FORMAT_NAME,
    version: CURRENT_VERSION,
    name: (options.name.trim() || DEFAULT_NAME).slice(0, MAX_LENGTH.name),
    currency: currency ?? DEFAULT_CURRENCY,
    roles,
    settings: { rules: {} },
    view: { positions: {}, collapsed: [], direction: DIRECTIONS[0] },
  };
  // The loader's own validator (zod-free, synchronous) checks what was built: an import never makes a document that would not load.
  const checked = parseFast(doc);
  if (!checked) throw new Error(say.importerBug());
  problems.sort((a, b) => a.row - b.row);
  return {
    doc: checked.doc as OrgDocument,
    roles: rows.length,
    topRoles: roles.filter((r) => r.reportsTo === null).map((r) => r.id),
    problems,
    inferences: [...inferences.values()] as Inference[],
    managerKind,
    needsCurrency,
    roleIds,
  };
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'x', '是', '✓', 'external', 'assistant']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '-']);

/**
 * A number as spreadsheets and HR exports write it: "1,500,000", "¥1 500 000", "85000 USD",
 * "15%". Undefined when the text is not one number.
 */
export function parseNumber(cell: string, percent = false): number | undefined {
  let s = cell.normalize('NFKC').trim().replace(/^[A-Z]{3}\s*/, '').replace(/\s*[A-Z]{3}$/, '');
  s = s.replace(/^[¥$€£]\s*/, '').replace(/[\s,_']/g, '');
  if (percent) s = s.replace(/%$/, '');
  if (!/^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** A role id from the file's id (or email, or name): kept when the format accepts it, else made to fit; unique. */
function uniqueId(wanted: string, row: number, used: Set<string>): string {
  let base = ID_PATTERN.test(wanted) ? wanted : slug(wanted);
  if (base === '') base = `row-${row}`;
  let id = base;
  for (let k = 2; used.has(id); k++) {
    const suffix = `-${k}`;
    id = `${base.slice(0, 64 - suffix.length)}${suffix}`;
  }
  used.add(id);
  return id;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/@/g, '.at.')
    .replace(/[^A-Za-z0-9_.:-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 64);
}

/** Every reporting cycle in a parent array (−1 = top), each as the row indices on it. */
function findCycles(parent: readonly number[]): number[][] {
  const state = new Uint8Array(parent.length); // 0 new, 1 on the current walk, 2 done
  const cycles: number[][] = [];
  for (let start = 0; start < parent.length; start++) {
    if (state[start] !== 0) continue;
    const walk: number[] = [];
    let i = start;
    while (i >= 0 && state[i] === 0) {
      state[i] = 1;
      walk.push(i);
      i = parent[i]!;
    }
    if (i >= 0 && state[i] === 1) cycles.push(walk.slice(walk.indexOf(i)));
    for (const j of walk) state[j] = 2;
  }
  return cycles;
}
