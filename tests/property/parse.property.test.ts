import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOAD_ERROR_CODES } from '../../src/schema/load.ts';
import { parseDocument } from '../../src/schema/parse.ts';
import { serializeDocument } from '../../src/io/serialize.ts';
import { DocumentSchema } from '../../src/schema/v1.ts';
import { generateOrg } from '../../src/model/generate.ts';
import { arbDocumentJson, arbHostileJson, HOSTILE_KEYS } from '../helpers/arbitraries.ts';

type Json = unknown;
const validText = serializeDocument(generateOrg({ roles: 25, seed: 11 }));
const validJson = JSON.parse(validText) as Json;

/** Sets `value` at a random place of a JSON value (a copy), or deletes a key. */
function mutate(root: Json, picks: readonly number[], value: Json, mode: 'set' | 'delete' | 'hostile'): Json {
  const copy = JSON.parse(JSON.stringify(root)) as Json;
  let node = copy;
  for (const pick of picks) {
    if (typeof node !== 'object' || node === null) break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[pick % keys.length]!;
    const child = (node as Record<string, Json>)[key];
    if (typeof child !== 'object' || child === null || pick % 3 === 0) {
      const target = node as Record<string, Json>;
      if (mode === 'delete') delete target[key];
      else if (mode === 'hostile') Object.defineProperty(target, HOSTILE_KEYS[pick % HOSTILE_KEYS.length]!, { value, enumerable: true, configurable: true, writable: true });
      else target[key] = value;
      return copy;
    }
    node = child;
  }
  return copy;
}

const arbMalformed = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
  arbHostileJson.map((v) => JSON.stringify(v) ?? 'null'),
  fc.string({ maxLength: 200 }),
  fc.nat({ max: validText.length }).map((n) => validText.slice(0, n)),
  fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('set', 'delete', 'hostile') as fc.Arbitrary<'set' | 'delete' | 'hostile'>)
    .map(([picks, value, mode]) => JSON.stringify(mutate(validJson, picks, value, mode))),
  fc.tuple(fc.constantFrom(...HOSTILE_KEYS), fc.jsonValue({ maxDepth: 2 })).map(([key, value]) => validText.replace('"roles": [', `"${key}": ${JSON.stringify(value)}, "roles": [`)),
);

describe('parseDocument on malformed input (property)', () => {
  it('never throws, and gives a typed error or a valid document (10,000 inputs)', () => {
    fc.assert(
      fc.property(arbMalformed, (text) => {
        const result = parseDocument(text);
        if (result.ok) {
          expect(DocumentSchema.safeParse(result.doc).success).toBe(true);
          const ids = result.doc.roles.map((r) => r.id);
          expect(new Set(ids).size).toBe(ids.length);
        } else {
          expect(LOAD_ERROR_CODES).toContain(result.error.code);
          expect(result.error.message.length).toBeGreaterThan(0);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('round trip (property)', () => {
  it('parse(serialize(d)) equals d, and serialize(parse(text)) equals text (2,000 documents)', () => {
    fc.assert(
      fc.property(arbDocumentJson, (json) => {
        const first = parseDocument(JSON.stringify(json));
        // Duplicate-free ids by construction; any refusal here is a bug in the schema or the arbitrary.
        if (!first.ok) throw new Error(first.error.message);
        const text = serializeDocument(first.doc);
        const again = parseDocument(text);
        if (!again.ok) throw new Error(again.error.message);
        expect(again.doc).toEqual(first.doc);
        // Unknown parameters of known rules are kept, so noted again; nothing else is.
        expect(again.notes).toEqual(first.notes.filter((n) => n.code === 'unknown-parameter'));
        expect(serializeDocument(again.doc)).toBe(text);
      }),
      { numRuns: 2_000 },
    );
  });
});
