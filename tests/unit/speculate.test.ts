import { describe, expect, it, vi } from 'vitest';
import { moveRole } from '../../src/model/commands.ts';
import { generateOrg } from '../../src/model/generate.ts';
import { speculative } from '../../src/store/speculate.ts';

describe('speculative', () => {
  const doc = generateOrg({ roles: 60, seed: 5 });
  const am = doc.roles.find((r) => r.id.startsWith('am-'))!;
  const lead = doc.roles.find((r) => r.id.startsWith('lead-') && r.id !== am.reportsTo)!;

  it('answers the very same result for the same document and argument, and computes anew otherwise', () => {
    const command = vi.fn((d: typeof doc, to: string | null) => moveRole(d, am.id, to));
    const moveTo = speculative(command);
    const first = moveTo(doc, lead.id);
    expect(first.ok).toBe(true);
    expect(moveTo(doc, lead.id)).toBe(first);
    expect(command).toHaveBeenCalledTimes(1);
    expect(moveTo(doc, am.reportsTo)).not.toBe(first);
    expect(command).toHaveBeenCalledTimes(2);
    if (!first.ok) throw new Error('refused');
    expect(moveTo(first.doc, lead.id)).not.toBe(first);
    expect(command).toHaveBeenCalledTimes(3);
  });

  it('passes refusals through', () => {
    const moveTo = speculative((d: typeof doc, to: string | null) => moveRole(d, am.id, to));
    expect(moveTo(doc, 'ghost').ok).toBe(false);
  });
});
