/**
 * The app's entry bundle holds no zod (docs/performance.md: the entry stays under 200 kB
 * gzip; zod is ~27 kB of it). zod loads on demand: with the inspector (a lazy chunk) and
 * when a document the fast validator refuses must be worded (src/schema/load.ts). This
 * walks the static imports from src/app/main.tsx as the bundler does: `import type` and
 * `export type` are erased, `import()` is a separate chunk; an import whose specifiers
 * are all inline `type` stays a side-effect import (verbatimModuleSyntax), so it counts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = resolve(ROOT, 'src/app/main.tsx');
const V1 = 'src/schema/v1.ts';

/** `import … from '…'`, `export … from '…'` (the clause may span lines) and `import '…'`, at the start of a line. */
const STATIC_IMPORT = /^[ \t]*(?:(import|export)\s+(type\s+)?[^'";]*?\s*from\s*|import\s*)['"]([^'"]+)['"]/gm;

/** The static import specifiers of a module's source. */
function staticImports(source: string): string[] {
  const specs: string[] = [];
  for (const m of source.matchAll(STATIC_IMPORT)) if (!m[2]) specs.push(m[3]!);
  return specs;
}

/** Every module (path from the project root) and package the entry reaches through static imports. */
function reached(read: (file: string) => string = (file) => readFileSync(file, 'utf8')): Set<string> {
  const seen = new Set<string>();
  const stack = [ENTRY];
  while (stack.length > 0) {
    const file = stack.pop()!;
    const key = relative(ROOT, file);
    if (seen.has(key)) continue;
    seen.add(key);
    for (const spec of staticImports(read(file))) {
      if (!spec.startsWith('.') && !spec.startsWith('/')) {
        seen.add(spec);
        continue;
      }
      const target = resolve(dirname(file), spec.replace(/\?.*$/, ''));
      if (/\.tsx?$/.test(target)) {
        expect(existsSync(target), `${key} imports ${spec}`).toBe(true);
        stack.push(target);
      } else seen.add(relative(ROOT, target)); // CSS, JSON: not walked
    }
  }
  return seen;
}

const isZod = (name: string): boolean => name === 'zod' || name.startsWith('zod/');

describe('the entry bundle', () => {
  it('never reaches zod or the zod schemas through static imports', () => {
    const modules = reached();
    expect(modules.has('src/app/App.tsx')).toBe(true);
    expect(modules.has('src/schema/fast.ts')).toBe(true);
    expect(modules.has('src/schema/load.ts')).toBe(true);
    expect([...modules].filter(isZod)).toEqual([]);
    expect(modules.has(V1)).toBe(false);
    expect(modules.has('src/schema/parse.ts')).toBe(false);
    expect(modules.has('src/ui/Inspector.tsx')).toBe(false);
  });

  it('never reaches the rules: they load after the first paint (src/store/rules.ts)', () => {
    const modules = reached();
    expect(modules.has('src/store/rules.ts')).toBe(true);
    expect([...modules].filter((m) => m.startsWith('src/rules/') && !m.endsWith('/types.ts') && !m.endsWith('/message.ts'))).toEqual([]);
  });

  it('would notice a static import of the zod pipeline or a side-effect import of v1.ts', () => {
    const toolbar = resolve(ROOT, 'src/ui/Toolbar.tsx');
    const withLine = (line: string) => (file: string) => readFileSync(file, 'utf8') + (file === toolbar ? `\n${line}\n` : '');
    const viaParse = reached(withLine("import { parseDocument } from '../schema/parse.ts';"));
    expect(viaParse.has('zod')).toBe(true);
    expect(viaParse.has(V1)).toBe(true);
    expect(reached(withLine("import { type OrgDocument } from '../schema/v1.ts';")).has(V1)).toBe(true);
    expect(reached(withLine("export {\n  DocumentSchema,\n} from '../schema/v1.ts';")).has(V1)).toBe(true);
    // Erased or lazy: not in the entry.
    expect(reached(withLine("import type { OrgDocument } from '../schema/v1.ts';")).has(V1)).toBe(false);
    expect(reached(withLine("export type { OrgDocument } from '../schema/v1.ts';")).has(V1)).toBe(false);
    expect(reached(withLine("const lazyParse = () => import('../schema/parse.ts');")).has(V1)).toBe(false);
  });
});
