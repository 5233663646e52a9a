/**
 * The Export JSON writer as it was before the fast path (commit 1448b71), kept verbatim
 * as the reference that tests compare `serializeDocument` and `documentToJson` against.
 */
import type { DecisionRight, DottedLine, OrgDocument, Role, RuleSetting } from '../../src/schema/v1.ts';

type Json = unknown;
type Entries = [string, Json][];

/** Builds an object from entries, leaving out undefined values; `fromEntries` never hits a prototype setter. */
function object(entries: Entries): Record<string, Json> {
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}

const nonEmpty = <T>(list: readonly T[]): readonly T[] | undefined => (list.length > 0 ? list : undefined);
const nonEmptyRecord = <T>(rec: Readonly<Record<string, T>>): Readonly<Record<string, T>> | undefined =>
  Object.keys(rec).length > 0 ? rec : undefined;
const unlessDefault = <T>(value: T, fallback: T): T | undefined => (value === fallback ? undefined : value);

function dottedLine(d: DottedLine): Json {
  return object([['to', d.to], ['kind', d.kind], ['note', d.note]]);
}

function decision(d: DecisionRight): Json {
  const limit = d.limit && ('percent' in d.limit ? { percent: d.limit.percent } : { amount: d.limit.amount });
  return object([['area', d.area], ['authority', unlessDefault(d.authority, 'decide')], ['scope', d.scope], ['limit', limit]]);
}

/** One role in spec order with its defaults left out. */
function roleToJson(r: Role): Json {
  return object([
    ['id', r.id],
    ['title', r.title],
    ['titles', nonEmptyRecord(r.titles)],
    ['family', unlessDefault(r.family, 'other')],
    ['function', unlessDefault(r.function, 'account-management')],
    ['level', r.level],
    ['reportsTo', unlessDefault(r.reportsTo, null)],
    ['dottedLines', nonEmpty(r.dottedLines)?.map(dottedLine)],
    ['external', unlessDefault(r.external, false)],
    ['assistant', unlessDefault(r.assistant, false)],
    ['archetype', r.archetype],
    ['headcount', unlessDefault(r.headcount, 1)],
    ['vacancies', unlessDefault(r.vacancies, 0)],
    ['holder', r.holder && object([
      ['name', r.holder.name],
      ['yearsExperience', r.holder.yearsExperience],
      ['yearsManagement', r.holder.yearsManagement],
      ['languages', r.holder.languages],
    ])],
    ['salary', r.salary && object([['min', r.salary.min], ['max', r.salary.max], ['bonusPct', r.salary.bonusPct]])],
    ['revenueTarget', r.revenueTarget],
    ['accounts', nonEmpty(r.accounts)?.map((a) => object([['tier', a.tier], ['count', a.count]]))],
    ['budgets', nonEmpty(r.budgets)?.map((b) => object([['id', b.id], ['kind', b.kind], ['amount', b.amount], ['parent', b.parent]]))],
    ['decisions', nonEmpty(r.decisions)?.map(decision)],
    ['requirements', r.requirements && object([
      ['minYearsManagement', r.requirements.minYearsManagement],
      ['minYearsExperience', r.requirements.minYearsExperience],
      ['languages', r.requirements.languages],
    ])],
    ['exceptions', nonEmpty(r.exceptions)?.map((e) => object([['rule', e.rule], ['reason', e.reason]]))],
  ]);
}

function ruleSetting(s: RuleSetting): Json {
  return object([['enabled', s.enabled], ['severity', s.severity], ['params', s.params]]);
}

/** The canonical JSON value of a document (what `serializeDocument` prints). */
export function referenceDocumentToJson(doc: OrgDocument): Json {
  const rules = Object.entries(doc.settings.rules).map(([id, s]): [string, Json] => [id, ruleSetting(s)]);
  const positions = Object.entries(doc.view.positions).map(([id, p]): [string, Json] => [id, { x: p.x, y: p.y }]);
  const view = object([
    ['positions', positions.length > 0 ? object(positions) : undefined],
    ['collapsed', nonEmpty(doc.view.collapsed)],
    ['direction', unlessDefault(doc.view.direction, 'TB')],
  ]);
  return object([
    ['format', doc.format],
    ['version', doc.version],
    ['name', doc.name],
    ['description', doc.description],
    ['currency', doc.currency],
    ['period', doc.period],
    ['roles', doc.roles.map(roleToJson)],
    ['settings', rules.length > 0 ? { rules: object(rules) } : undefined],
    ['view', Object.keys(view).length > 0 ? view : undefined],
  ]);
}

/** The text Export JSON writes. */
export function referenceSerialize(doc: OrgDocument): string {
  return `${JSON.stringify(referenceDocumentToJson(doc), null, 2)}\n`;
}
