/**
 * The CLI's care with what comes in and what goes out, through the real command as a child
 * process: encodings (a UTF-8 byte-order mark, UTF-16 LE and BE), `-` for standard input,
 * control characters of a document kept from the terminal, and a failed write to standard
 * output (a closed pipe, a full disk) ending in one line and exit 2.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../src/model/generate.ts';
import { serializeDocument } from '../../src/io/serialize.ts';
import { parseDocument } from '../../src/schema/parse.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/org-designer.mjs');
const presetPath = join(root, 'presets/china-account-management.json');
const presetText = readFileSync(presetPath, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'org-cli-io-'));

interface Run { code: number | null; stdout: string; stderr: string }

/** Runs the real CLI; `input` is written to its standard input (closed at once when absent). */
function org(args: string[], input?: Uint8Array | string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, INIT_CWD: dir } });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
    child.stdin.end(input);
  });
}

const oneLine = (text: string) => {
  expect(text.endsWith('\n')).toBe(true);
  expect(text.trimEnd().split('\n')).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at /);
};

const write = (name: string, content: Uint8Array | string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** UTF-16 bytes of `text` with its byte-order mark. */
function utf16(text: string, bigEndian: boolean): Uint8Array {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return bigEndian ? le.swap16() : le;
}

describe('encodings', () => {
  it.each([
    ['UTF-8 with a byte-order mark', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(presetText)])],
    ['UTF-16 LE with a byte-order mark', () => utf16(presetText, false)],
    ['UTF-16 BE with a byte-order mark', () => utf16(presetText, true)],
  ])('reads %s as the same document', async (label, bytes) => {
    const path = write(`${label.replace(/\W+/g, '-')}.json`, bytes());
    const [check, format] = await Promise.all([org(['check', path, '--json']), org(['format', path])]);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).summary.error).toBe(0);
    expect(format.code).toBe(0);
    // The canonical export of the preset is the preset itself: nothing was lost or changed in decoding.
    expect(format.stdout).toBe(presetText);
  });

  it('refuses bytes that are not UTF-8 with one line naming where', async () => {
    const path = write('latin1.json', Buffer.from('{\n  "name": "M\xfcller"\n}', 'latin1'));
    const run = await org(['check', path]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    oneLine(run.stderr);
    expect(run.stderr).toMatch(/latin1\.json: .*not UTF-8.*offset 14 \(line 2\)/);
  });
});

describe('- reads standard input', () => {
  it.each(['check', 'stats', 'format', 'render'])('%s -', async (command) => {
    const args = command === 'render' ? [command, '-', '--svg'] : [command, '-'];
    const [fromStdin, fromFile] = await Promise.all([org(args, presetText), org(args.map((a) => (a === '-' ? presetPath : a)))]);
    expect(fromStdin.stderr).toBe('');
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    expect(fromStdin.stdout).toContain('China Account Management');
  });

  it('decodes standard input like a file (UTF-16 with its mark)', async () => {
    const run = await org(['format', '-'], utf16(presetText, false));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(presetText);
  });

  it('names standard input when it cannot load it', async () => {
    const run = await org(['check', '-'], 'not json');
    expect(run.code).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).toMatch(/^org: cannot load standard input: .*not-json/);
  });
});

describe('control characters from a document never reach the terminal', () => {
  // An escape sequence that clears the screen and sets the window title, a bell, a C1 CSI,
  // a right-to-left override, a line separator, DEL, and a line break that forges an output line.
  const name = 'Evil\u001b[2J\u001b]0;pwned\u0007 \u009b31m \u202eorg\u2028\u2066x\u2069\u007f';
  const title = 'Head\u001b[31m red\u001b[0m\r\nSTR-001   forged finding';
  let path: string;
  beforeAll(() => {
    const doc = JSON.parse(presetText) as { name: string; roles: { title: string; reportsTo?: string }[] };
    doc.name = name;
    doc.roles[0]!.title = title;
    // A dangling manager makes STR-001 quote the title of the role that holds it.
    doc.roles[0]!.reportsTo = 'nobody';
    path = write('evil.json', JSON.stringify(doc));
  });

  /** Any C0 (but the line feed of the output's own layout), DEL, C1, line/paragraph separator or bidi control. */
  // eslint-disable-next-line no-control-regex -- control characters are what this test looks for
  const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

  it('check and stats print names and titles with the characters escaped', async () => {
    const [check, stats] = await Promise.all([org(['check', path]), org(['stats', path])]);
    expect(check.code).toBe(1);
    expect(check.stdout).not.toMatch(RAW);
    expect(check.stdout.split('\n')[0]).toBe(
      'Evil\\u001b[2J\\u001b]0;pwned\\u0007 \\u009b31m \\u202eorg\\u2028\\u2066x\\u2069\\u007f: 1 error, 0 warnings, 0 info',
    );
    expect(check.stdout).toContain('Head\\u001b[31m red\\u001b[0m\\u000d\\u000aSTR-001   forged finding');
    expect(check.stdout).not.toMatch(/^\s*STR-001 {3}forged/m);
    expect(stats.code).toBe(0);
    expect(stats.stdout).not.toMatch(RAW);
    expect(stats.stdout.split('\n')[0]).toContain('Evil\\u001b[2J');
  });

  it('--json holds no raw control character and parses to the same text', async () => {
    const [check, stats] = await Promise.all([org(['check', path, '--json']), org(['stats', path, '--json'])]);
    for (const run of [check, stats]) expect(run.stdout).not.toMatch(RAW);
    const findings = JSON.parse(check.stdout).findings as { rule: string; message: string }[];
    expect(findings.find((f) => f.rule === 'STR-001')?.message).toContain(title);
    expect(JSON.parse(stats.stdout).headcount).toBeGreaterThan(30);
  });

  it('error lines escape them too (an unknown command, a file name)', async () => {
    const run = await org(['\u001b[2Jcheck']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(RAW);
    expect(run.stderr).toContain('unknown command "\\u001b[2Jcheck"');
  });
});

describe('a failed write to standard output', () => {
  let big: string;
  beforeAll(() => {
    big = write('big.json', serializeDocument(generateOrg({ roles: 50_000, seed: 1 })));
  });

  it('a reader that stops after 10 bytes (| head -c 10): exit 2, one line on stderr', async () => {
    const run = await new Promise<Run & { received: number }>((resolve, reject) => {
      const child = spawn(process.execPath, [bin, 'format', big], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let received = 0;
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        received += chunk.length;
        // Like head: take the first 10 bytes, then close the pipe while the CLI is still writing.
        if (received >= 10) child.stdout.destroy();
      });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout: '', stderr, received }));
    });
    expect(run.received).toBeGreaterThanOrEqual(10);
    expect(run.code).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).toBe('org: cannot write to standard output: the program reading it closed the pipe (EPIPE).\n');
  });

  it('a full disk (/dev/full as standard output): exit 2, one line on stderr', async () => {
    const run = await new Promise<Run>((resolve, reject) => {
      const child = spawn('/bin/sh', ['-c', `exec "${process.execPath}" "${bin}" format "${big}" > /dev/full`], { cwd: dir });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout: '', stderr }));
    });
    expect(run.code).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).toBe('org: cannot write to standard output: no space left on the device (ENOSPC).\n');
  });

  it('the document itself is fine: written to a pipe that reads it all, it loads', async () => {
    const run = await org(['format', big]);
    expect(run.code).toBe(0);
    const doc = parseDocument(run.stdout);
    expect(doc.ok && doc.doc.roles.length).toBe(50_000);
  });
});
