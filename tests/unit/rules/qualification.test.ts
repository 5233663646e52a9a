import { describe, expect, it } from 'vitest';
import { check, role } from './helpers.ts';

const warn = (rule: string, ...roles: string[]) => ({ rule, severity: 'warning', roles });
const head = (holder: object | undefined, requirements?: object) => role('head', { family: 'head-am', level: 5, holder: holder as never, ...(requirements ? { requirements } : {}) });
const senior = (holder: object | undefined) => role('sam', { family: 'senior-am', holder: holder as never });

describe('QUAL-001 family defaults', () => {
  it('warns on a head with fewer than 10 years of people management; 10 is enough', () => {
    expect(check([head({ name: 'Li', yearsManagement: 9 })], 'QUAL-001')).toEqual([warn('QUAL-001', 'head')]);
    expect(check([head({ name: 'Li', yearsManagement: 10 })], 'QUAL-001')).toEqual([]);
  });

  it('warns on a Senior AM with fewer than 5 years of experience; 5 is enough', () => {
    expect(check([senior({ name: 'Wang', yearsExperience: 4.5 })], 'QUAL-001')).toEqual([warn('QUAL-001', 'sam')]);
    expect(check([senior({ name: 'Wang', yearsExperience: 5 })], 'QUAL-001')).toEqual([]);
  });

  it('gives nothing for unknown years, no holder, other families, roles with requirements or external roles', () => {
    expect(check([head({ name: 'Li' })], 'QUAL-001')).toEqual([]);
    expect(check([head(undefined)], 'QUAL-001')).toEqual([]);
    expect(check([role('am', { family: 'am', holder: { name: 'Z', yearsExperience: 0 } })], 'QUAL-001')).toEqual([]);
    expect(check([head({ name: 'Li', yearsManagement: 2 }, {})], 'QUAL-001')).toEqual([]);
    expect(check([role('g', { family: 'head-am', external: true, level: 7, holder: { name: 'G', yearsManagement: 1 } })], 'QUAL-001')).toEqual([]);
  });
});

describe('QUAL-002 role requirements', () => {
  it('warns on fewer years than required', () => {
    expect(check([head({ name: 'Li', yearsManagement: 8 }, { minYearsManagement: 10 })], 'QUAL-002')).toEqual([warn('QUAL-002', 'head')]);
    expect(check([head({ name: 'Li', yearsExperience: 3 }, { minYearsExperience: 4 })], 'QUAL-002')).toEqual([warn('QUAL-002', 'head')]);
  });

  it('warns once on a missing required language, with every gap in the message', () => {
    const found = check([head({ name: 'Li', yearsManagement: 8, languages: ['en'] }, { minYearsManagement: 10, languages: ['zh', 'en'] })], 'QUAL-002');
    expect(found).toEqual([warn('QUAL-002', 'head')]);
  });

  it('is quiet when the holder meets them, including regional language tags and case', () => {
    expect(check([head({ name: 'Li', yearsManagement: 10, languages: ['zh-CN', 'EN'] }, { minYearsManagement: 10, languages: ['zh', 'en'] })], 'QUAL-002')).toEqual([]);
  });

  it('gives nothing for unknown years or languages, or without a holder', () => {
    expect(check([head({ name: 'Li' }, { minYearsManagement: 10, languages: ['zh'] })], 'QUAL-002')).toEqual([]);
    expect(check([head(undefined, { minYearsManagement: 10 })], 'QUAL-002')).toEqual([]);
  });
});
