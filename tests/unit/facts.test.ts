/** The facts of rules.md "Terms", defined once (src/model/facts.ts, the tree index) and read alike everywhere. */
import { describe, expect, it } from 'vitest';
import { dropPreview } from '../../src/canvas/preview.ts';
import { computeMetrics } from '../../src/metrics/metrics.ts';
import { archetypeOf, familyArchetype, isVacant } from '../../src/model/facts.ts';
import { buildTreeIndex } from '../../src/model/tree.ts';
import { RuleContext } from '../../src/rules/context.ts';
import { DEFAULT_PARAMS, effectiveParams } from '../../src/rules/engine.ts';
import { docOf, type RoleSketch } from '../helpers/doc.ts';

/**
 * head ← lead ← am1, am2 (3 positions), ea (assistant); an external agency with two
 * in-scope reports, one of them marked assistant (not an assistant: its manager is external);
 * an external role marked assistant under head (no kid of head at all).
 */
const roles: RoleSketch[] = [
  { id: 'head', family: 'head-am', level: 5 },
  { id: 'lead', family: 'am-lead', level: 4, reportsTo: 'head' },
  { id: 'am1', family: 'am', reportsTo: 'lead' },
  { id: 'am2', family: 'am', reportsTo: 'lead', headcount: 3, vacancies: 1 },
  { id: 'ea', family: 'other', reportsTo: 'lead', assistant: true },
  { id: 'agency', family: 'other', external: true },
  { id: 'x', family: 'am', reportsTo: 'agency', assistant: true },
  { id: 'y', family: 'am', reportsTo: 'agency', headcount: 2 },
  { id: 'ext-ea', family: 'other', reportsTo: 'head', external: true, assistant: true },
  { id: 'z', family: 'other', reportsTo: 'head', assistant: true, headcount: 2 },
];
const doc = docOf(roles);
const at = (id: string) => doc.roles.findIndex((r) => r.id === id);

describe('vacant(r)', () => {
  it('is vacancies ≥ headcount', () => {
    expect(isVacant({ headcount: 1, vacancies: 1 })).toBe(true);
    expect(isVacant({ headcount: 1, vacancies: 0 })).toBe(false);
    expect(isVacant({ headcount: 6, vacancies: 2 })).toBe(false);
    expect(isVacant({ headcount: 6, vacancies: 6 })).toBe(true);
    expect(isVacant({ headcount: 2, vacancies: 3 })).toBe(true);
  });

  it('is what the rules read', () => {
    const ctx = new RuleContext(doc, buildTreeIndex(doc), effectiveParams(doc));
    for (let r = 0; r < doc.roles.length; r++) expect(ctx.vacant(r)).toBe(isVacant(doc.roles[r]!));
  });
});

describe('kids, assistant and span on the tree index', () => {
  const index = buildTreeIndex(doc);

  it('counts in-scope reports, assistants included, and no external role', () => {
    expect(index.kidCount[at('lead')]).toBe(3);
    expect(index.kidCount[at('head')]).toBe(2); // lead and z; ext-ea is external
    expect(index.kidCount[at('agency')]).toBe(2);
    for (let r = 0; r < doc.roles.length; r++) expect(index.kidCount[r]).toBe(index.kids(r).length);
  });

  it('makes an assistant only of a marked in-scope role with an in-scope manager', () => {
    expect(index.assistant[at('ea')]).toBe(1);
    expect(index.assistant[at('z')]).toBe(1);
    expect(index.assistant[at('x')]).toBe(0); // its manager is external
    expect(index.assistant[at('ext-ea')]).toBe(0); // external itself
  });

  it('sums the headcount of the kids that are not assistants', () => {
    expect(index.span[at('lead')]).toBe(4);
    expect(index.span[at('head')]).toBe(1);
    expect(index.span[at('agency')]).toBe(3); // x counts: under an external manager it is no assistant
    expect(index.span[at('am1')]).toBe(0);
  });

  it('is what the rules and the metrics read', () => {
    const ctx = new RuleContext(doc, index, effectiveParams(doc));
    expect(Array.from(ctx.span)).toEqual(Array.from(index.span));
    expect(Array.from(ctx.assistant)).toEqual(Array.from(index.assistant));
    expect(Array.from(ctx.kidCount)).toEqual(Array.from(index.kidCount));
    const metrics = computeMetrics(doc, index);
    // The metrics list in-scope managers only.
    expect(metrics.spans).toEqual([
      { id: 'head', span: 1 },
      { id: 'lead', span: 4 },
    ]);
  });

  it('is what the drop preview shows, also for an assistant dropped onto an external manager', () => {
    const preview = dropPreview(doc, ['ea'], 'agency');
    expect(preview.refusal).toBeNull();
    // ea stops being an assistant under an external manager, so its position counts.
    expect(preview.span).toMatchObject({ before: 3, after: 4 });
    expect(dropPreview(doc, ['z'], 'lead').span).toMatchObject({ before: 4, after: 4 });
  });
});

describe('archetype(r) with the document’s SPAN-002 parameters', () => {
  const overridden = docOf(roles, { settings: { rules: { 'SPAN-002': { params: { defaultArchetype: { 'am-lead': 'coach' } } } } } });
  const byFamily = (d: typeof doc) => effectiveParams(d)['SPAN-002'].defaultArchetype;

  it('is the role’s own archetype, else its family’s', () => {
    expect(archetypeOf({ family: 'am-lead', archetype: undefined }, DEFAULT_PARAMS['SPAN-002'].defaultArchetype)).toBe('supervisor');
    expect(archetypeOf({ family: 'am-lead', archetype: 'facilitator' }, DEFAULT_PARAMS['SPAN-002'].defaultArchetype)).toBe('facilitator');
  });

  it('gives the inspector’s “by family” label from the document’s override', () => {
    // The Inspector's label: familyArchetype(role.family, effectiveParams(doc)['SPAN-002'].defaultArchetype).
    expect(familyArchetype('am-lead', byFamily(doc))).toBe('supervisor');
    expect(familyArchetype('am-lead', byFamily(overridden))).toBe('coach');
    // Families the override leaves alone keep the built-in default.
    expect(familyArchetype('am', byFamily(overridden))).toBe('player-coach');
  });

  it('is the archetype the rules and the drop preview use', () => {
    const ctx = new RuleContext(overridden, buildTreeIndex(overridden), effectiveParams(overridden));
    expect(ctx.archetype(overridden.roles.findIndex((r) => r.id === 'lead'))).toBe('coach');
    expect(dropPreview(overridden, ['am1'], 'lead').span?.archetype).toBe('coach');
    expect(dropPreview(doc, ['am1'], 'lead').span?.archetype).toBe('supervisor');
  });
});
