/**
 * Adding a rule is one module (issue 20, point 1): a toy rule made with defineRule alone,
 * put on a family's list, appears in the ids, the parameter defaults, the catalogue (the
 * list the UI's rule settings show), the document's rule settings, the check and the CLI.
 * The shared-parameter mechanism: a rule reads another's parameter only when it says so.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { defineRule } from '../../../src/rules/define.ts';
import { num, param } from '../../../src/rules/param.ts';
import { makeDoc, role } from './helpers.ts';

const { TOY, SNEAKY } = await vi.hoisted(async () => {
  const { defineRule } = await import('../../../src/rules/define.ts');
  const { num, param } = await import('../../../src/rules/param.ts');
  const { SPAN_001 } = await import('../../../src/rules/span/SPAN-001.ts');
  const TOY = defineRule({
    id: 'TOY-001',
    family: 'structure',
    title: 'No role called Toy',
    why: 'A test rule: a role whose title is "Toy" is reported, to show that one module adds a rule.',
    severities: ['warning'],
    params: { maxToys: param(num({ min: 0 }), 0) },
    reads: [SPAN_001.param.minSpan],
    messages: { toy: '{role} is a toy ({count|# toy|# toys} allowed; SPAN-001 asks {min}).' },
    check(ctx, report, { maxToys }) {
      const min = ctx.param(SPAN_001.param.minSpan);
      for (let r = 0; r < ctx.n; r++) {
        const role = ctx.roles[r]!;
        if (role.title === 'Toy' && maxToys < 1) report('toy', 'warning', [role.id], { role: { role: role.id }, count: maxToys, min });
      }
    },
  });
  // Reads SPAN-001's minSpan without declaring it.
  const SNEAKY = defineRule({
    id: 'TOY-002',
    family: 'structure',
    title: 'Reads what it did not declare',
    why: 'A test rule that reads another rule\'s parameter without saying so in reads.',
    severities: ['info'],
    messages: { never: 'never' },
    check(ctx) {
      ctx.param(SPAN_001.param.minSpan);
    },
  });
  return { TOY, SNEAKY };
});

vi.mock('../../../src/rules/span/index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/rules/span/index.ts')>();
  return { ...original, SPAN_RULES: [...original.SPAN_RULES, TOY, SNEAKY] };
});

// The test set-up loaded the rules before this file's mock: load them again, with the toy rules on SPAN's list.
vi.resetModules();
const { RULE_IDS, DEFAULT_PARAMS, isRuleId } = await import('../../../src/rules/all.ts');
const { catalogue } = await import('../../../src/rules/catalogue.ts');
const { checkDocument, effectiveParams } = await import('../../../src/rules/engine.ts');
const { main } = await import('../../../src/cli/main.ts');

const toyDoc = (rules: Record<string, unknown> = {}) => makeDoc([role('head', { family: 'head-am', level: 6 }), role('toy', { title: 'Toy', reportsTo: 'head' })], { rules });

describe('a rule added with defineRule alone', () => {
  it('is in the ids, the defaults and the catalogue the rule settings list', () => {
    expect(RULE_IDS).toContain('TOY-001');
    expect(isRuleId('TOY-001')).toBe(true);
    expect((DEFAULT_PARAMS as Record<string, unknown>)['TOY-001']).toEqual({ maxToys: 0 });
    const entry = catalogue().find((r) => r.id === 'TOY-001');
    expect(entry).toMatchObject({ family: 'structure', title: 'No role called Toy', severities: ['warning'] });
  });

  it('is checked, reads the parameter it declared, and follows the document\'s settings', () => {
    const found = checkDocument(toyDoc()).filter((f) => f.rule === 'TOY-001');
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', roles: ['toy'], message: 'Toy is a toy (0 toys allowed; SPAN-001 asks 3).', messageId: 'TOY-001/toy' })]);
    expect(checkDocument(toyDoc({ 'TOY-001': { enabled: false } })).some((f) => f.rule === 'TOY-001')).toBe(false);
    expect(checkDocument(toyDoc({ 'TOY-001': { params: { maxToys: 1 } } })).some((f) => f.rule === 'TOY-001')).toBe(false);
    expect(checkDocument(toyDoc({ 'TOY-001': { severity: 'error' } })).find((f) => f.rule === 'TOY-001')?.severity).toBe('error');
    expect((effectiveParams(toyDoc({ 'TOY-001': { params: { maxToys: 'lots' } } })) as Record<string, unknown>)['TOY-001']).toEqual({ maxToys: 0 });
  });

  it('is printed by org check', async () => {
    const written: string[] = [];
    const doc = JSON.stringify(toyDoc());
    const code = await main(['check', '-', '--json'], {
      out: (text) => void written.push(text),
      err: () => {},
      cwd: fileURLToPath(new URL('../../../', import.meta.url)),
      stdin: async function* () {
        yield new TextEncoder().encode(doc);
      },
      flushed: () => Promise.resolve(),
    });
    expect(code).toBeLessThan(2); // 1: the document has errors of other rules
    const out = JSON.parse(written.join('')) as { findings: { rule: string; message: string }[] };
    expect(out.findings).toContainEqual({ rule: 'TOY-001', severity: 'warning', roles: ['toy'], message: 'Toy is a toy (0 toys allowed; SPAN-001 asks 3).' });
  });

  it('may not read another rule\'s parameter it did not declare: the engine reports it', () => {
    const f = checkDocument(toyDoc()).find((x) => x.rule === 'TOY-002');
    expect(f).toMatchObject({ severity: 'warning', roles: [] });
    expect(f!.message).toMatch(/could not finish.*TOY-002 reads SPAN-001's parameter minSpan without declaring it in reads/);
  });

  it('checks a parameter\'s default against its shape\'s type', () => {
    // @ts-expect-error -- a string is not a number parameter's default
    expect(() => param(num(), 'three')).not.toThrow();
    expect(defineRule).toBeTypeOf('function');
  });
});
