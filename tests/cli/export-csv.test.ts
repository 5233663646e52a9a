/**
 * `org export-csv` (issue 19, item 6): the roles CSV, or with --findings the findings CSV,
 * on standard output with exit 0; one line and exit 2 when the file cannot be loaded.
 * The real CLI as a child process, and `main` with an Io of our own for standard input.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.ts';
import { documentCsv, findingsCsv } from '../../src/io/csv.ts';
import { serializeDocument } from '../../src/io/serialize.ts';
import { checkDocument } from '../../src/rules/engine.ts';
import { parseDocument } from '../../src/schema/parse.ts';
import type { OrgDocument } from '../../src/schema/v1.ts';
import { docOf } from '../helpers/doc.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const presetPath = (name: string) => join(root, 'presets', name);

interface Run { code: number; stdout: string; stderr: string }

/** Runs the real CLI as a child process, the way `npm run org --` does. */
function org(args: string[], cwd = root): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'bin/org-designer.mjs'), ...args], { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, INIT_CWD: cwd } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function loadPreset(name: string): OrgDocument {
  const result = parseDocument(readFileSync(presetPath(name), 'utf8'));
  if (!result.ok) throw new Error(result.error.message);
  return result.doc;
}

const oneLine = (run: Run) => {
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.code).toBe(2);
};

async function* chunks(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

/** An Io that records what is written, reading `stdin` as standard input. */
function testIo(stdin: string): Io & { written: string[]; errors: string[] } {
  const written: string[] = [];
  const errors: string[] = [];
  return {
    out: (text) => void written.push(text),
    err: (text) => void errors.push(text),
    cwd: root,
    stdin: () => chunks(new TextEncoder().encode(stdin)),
    flushed: () => Promise.resolve(),
    written,
    errors,
  };
}

describe('org export-csv', () => {
  it('prints the roles CSV of a document, the same text as the browser writes, exit 0', async () => {
    const run = await org(['export-csv', presetPath('china-account-management.json')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(documentCsv(loadPreset('china-account-management.json')));
    expect(run.stdout.startsWith('\uFEFFid,reportsTo,title,title_zh-CN,')).toBe(true);
    expect(run.stdout).toContain('中国区客户管理负责人');
  });

  it('prints the findings with --findings (exit 0 even with error findings), role titles in Chinese with --lang zh-CN', async () => {
    const doc = loadPreset('anti-patterns.json');
    const run = await org(['export-csv', presetPath('anti-patterns.json'), '--findings']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(findingsCsv(doc, checkDocument(doc)));
    expect(run.stdout.startsWith('\uFEFFseverity,rule,ruleTitle,roles,roleTitles,message\r\n')).toBe(true);
    const zh = await org(['export-csv', presetPath('china-account-management.json'), '--findings', '--lang', 'zh-CN']);
    const china = loadPreset('china-account-management.json');
    expect(zh.stdout).toBe(findingsCsv(china, checkDocument(china), 'zh-CN'));
  });

  it('resolves a relative path from where it runs', async () => {
    const run = await org(['export-csv', 'lean-player-coach-pod.json'], join(root, 'presets'));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(documentCsv(loadPreset('lean-player-coach-pod.json')));
  });

  it('writes characters a terminal acts on as \\uXXXX, and keeps tab and line breaks inside quoted cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'org-csv-'));
    const file = join(dir, 'evil.json');
    writeFileSync(file, serializeDocument(docOf([{ id: 'a', title: 'Evil\u001b[2J\u202e\u009b', holder: { name: 'two\nlines\tand tab' } }])));
    const run = await org(['export-csv', file]);
    expect(run.code).toBe(0);
    for (const c of ['\u001b', '\u202e', '\u009b']) expect(run.stdout).not.toContain(c);
    expect(run.stdout).toContain('\r\na,,Evil\\u001b[2J\\u202e\\u009b,');
    expect(run.stdout).toContain(',"two\nlines\tand tab",');
  });

  it.each([
    [['export-csv', 'no-such-file.json'], /^org: cannot load no-such-file\.json: no such file\.\n$/],
    [['export-csv', join(root, 'tests/fixtures/bad/not-json.json')], /not JSON/],
    [['export-csv', join(root, 'tests/fixtures/bad/out-of-range.json')], /roles\[1\]\.level/],
    [['export-csv', presetPath('anti-patterns.json'), '--lang', 'fr'], /--lang must be en or zh-CN, not "fr"/],
  ])('exits 2 with one line when it cannot: %j', async (args, message) => {
    const run = await org(args);
    oneLine(run);
    expect(run.stderr).toMatch(message);
  });

  it('exits 2 with the usage when the file is missing', async () => {
    const run = await org(['export-csv']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^org: export-csv needs a file\.\nUsage: org <command>/);
    expect(run.stderr).toContain('export-csv <file> [--findings]');
  });

  it('reads standard input for -', async () => {
    const doc = docOf([{ id: 'a', title: '=1+1' }]);
    const io = testIo(serializeDocument(doc));
    expect(await main(['export-csv', '-'], io)).toBe(0);
    expect(io.errors).toEqual([]);
    expect(io.written.join('')).toBe(documentCsv(doc));
    expect(io.written.join('')).toContain(`\r\na,,"'=1+1",`);
  });

  it('says "standard input" when standard input is not a document', async () => {
    const io = testIo('not json');
    expect(await main(['export-csv', '-'], io)).toBe(2);
    expect(io.errors).toHaveLength(1);
    expect(io.errors[0]).toMatch(/^org: cannot load standard input: .*not JSON/);
  });
});
