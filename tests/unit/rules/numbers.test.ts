import { describe, expect, it } from 'vitest';
import { ceil9, fmt, gt, lt, names, round9 } from '../../../src/rules/numbers.ts';

const num = (s: string): number => Number(s); // computed at run time, never folded

describe('9-decimal comparisons', () => {
  it('round products that float arithmetic leaves just off an integer', () => {
    expect(num('100') * (1 + num('0.1'))).not.toBe(110);
    expect(round9(num('100') * (1 + num('0.1')))).toBe(110);
    expect(ceil9(num('25') * num('2.2'))).toBe(55);
    expect(gt(num('0.1') + num('0.2'), 0.3)).toBe(false);
    expect(lt(0.3, num('0.1') + num('0.2'))).toBe(false);
    expect(gt(0.3 + 1e-8, 0.3)).toBe(true);
    expect(gt(110.000000001, 110)).toBe(true);
  });

  it('keep order for large amounts and handle non-finite values', () => {
    expect(round9(num('25000000') * num('1.1'))).toBe(27500000);
    expect(gt(27500001, num('25000000') * num('1.1'))).toBe(true);
    expect(gt(num('25000000') * num('1.1'), 27500000)).toBe(false);
    expect(round9(Infinity)).toBe(Infinity);
    expect(gt(1, Number.NaN)).toBe(false);
  });
});

describe('message formatting', () => {
  it('groups thousands and keeps at most two decimals', () => {
    expect(fmt(0)).toBe('0');
    expect(fmt(16)).toBe('16');
    expect(fmt(1234567)).toBe('1,234,567');
    expect(fmt(-1234.5)).toBe('-1,234.5');
    expect(fmt(0.125)).toBe('0.13');
    expect(fmt(2.5)).toBe('2.5');
  });

  it('lists names', () => {
    expect(names([])).toBe('');
    expect(names(['A'])).toBe('A');
    expect(names(['A', 'B'])).toBe('A and B');
    expect(names(['A', 'B', 'C'])).toBe('A, B and C');
    expect(names(['A', 'B', 'C', 'D'], 2)).toBe('A, B and 2 more');
  });
});
