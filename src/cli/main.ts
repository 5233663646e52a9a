/**
 * `org`: the command-line checker. The same pipeline and rules as the designer:
 *   org check <file> [--json]     findings; exit 0 (no error), 1 (errors), 2 (cannot load)
 *   org stats <file> [--json]     headcount, layers, spans, cost, coverage
 *   org format <file>             the canonical export of the document
 *   org new <preset|blank>        print a preset or a blank document
 *   org generate --roles N [--seed S]   print a synthetic organization
 *   org render <file> --svg [--lang zh-CN] [--no-findings]   the SVG picture of the chart
 * Errors are one line on stderr, never a stack trace.
 */
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { blankDocument } from '../model/blank.ts';
import { generateOrg } from '../model/generate.ts';
import { MAX_ROLES } from '../schema/constants.ts';
import { MAX_FILE_BYTES, tooLarge, type ParseResult } from '../schema/load.ts';
import { parseDocument } from '../schema/parse.ts';
import type { OrgDocument, Severity } from '../schema/v1.ts';
import { serializeDocument } from '../io/serialize.ts';
import { renderSvg } from '../io/svg.ts';
import { checkDocument } from '../rules/engine.ts';
import { summarize, type Finding } from '../rules/types.ts';
import { computeMetrics } from '../metrics/index.ts';
import { PRESET_NAMES, readPreset } from './presets.ts';

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Where relative file names are resolved: the directory the user ran the command in. */
  readonly cwd: string;
}

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_FAILURE = 2;

const USAGE = `Usage: org <command>
  check <file> [--json]            check a document against the rules (exit 0: no error, 1: errors, 2: cannot load)
  stats <file> [--json]            headcount, layers, spans, cost and coverage
  format <file>                    print the canonical export of a document
  new <${[...PRESET_NAMES, 'blank'].join('|')}>
                                   print a preset or a blank document
  generate --roles N [--seed S]    print a synthetic account-management organization of N roles
  render <file> --svg [--lang zh-CN] [--no-findings]
                                   print the chart as an SVG picture (PNG export is only in the browser)`;

const defaultIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
  cwd: process.env.INIT_CWD ?? process.cwd(),
};

/** Runs the CLI with these arguments; resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  const { positional, flags } = parseArgs(rest);
  const fail = (message: string): number => {
    io.err(`org: ${message}\n`);
    return EXIT_FAILURE;
  };
  try {
    switch (command) {
      case 'check':
      case 'stats':
      case 'format': {
        const file = positional[0];
        if (!file) return fail(`${command} needs a file.\n${USAGE}`);
        const loaded = await loadFile(resolveFrom(io.cwd, file));
        if (!loaded.ok) return fail(`cannot load ${file}: ${loaded.message}`);
        if (command === 'format') {
          io.out(serializeDocument(loaded.doc));
          return EXIT_OK;
        }
        if (command === 'stats') {
          const metrics = computeMetrics(loaded.doc);
          io.out(flags.has('json') ? `${JSON.stringify(metrics, null, 2)}\n` : formatStats(loaded.doc, metrics));
          return EXIT_OK;
        }
        const findings = checkDocument(loaded.doc);
        const summary = summarize(findings);
        io.out(flags.has('json') ? `${JSON.stringify({ findings: findings.map(findingJson), summary }, null, 2)}\n` : formatFindings(loaded.doc, findings));
        return summary.error > 0 ? EXIT_FINDINGS : EXIT_OK;
      }
      case 'render': {
        const file = positional[0];
        if (!file) return fail(`render needs a file.\n${USAGE}`);
        if (!flags.has('svg')) return fail(`render needs --svg: the command line draws SVG only (PNG export is only in the browser).\n${USAGE}`);
        const lang = flags.get('lang') ?? 'en';
        if (lang !== 'en' && lang !== 'zh-CN') return fail(`--lang must be en or zh-CN, not "${lang}".`);
        const loaded = await loadFile(resolveFrom(io.cwd, file));
        if (!loaded.ok) return fail(`cannot load ${file}: ${loaded.message}`);
        io.out(renderSvg(loaded.doc, { language: lang, includeFindings: !flags.has('no-findings') }).svg);
        return EXIT_OK;
      }
      case 'new': {
        const name = positional[0];
        if (!name) return fail(`new needs a preset name or "blank".\n${USAGE}`);
        if (name === 'blank') {
          io.out(serializeDocument(blankDocument()));
          return EXIT_OK;
        }
        const text = await readPreset(name);
        if (text === undefined) return fail(`there is no preset "${name}"; choose one of ${[...PRESET_NAMES, 'blank'].join(', ')}.`);
        io.out(text);
        return EXIT_OK;
      }
      case 'generate': {
        const roles = Number(flags.get('roles'));
        const seed = flags.has('seed') ? Number(flags.get('seed')) : 1;
        if (!Number.isInteger(roles) || roles < 1 || roles > MAX_ROLES) return fail(`generate needs --roles N with N a whole number from 1 to ${MAX_ROLES}.`);
        if (!Number.isInteger(seed)) return fail('--seed must be a whole number.');
        io.out(serializeDocument(generateOrg({ roles, seed })));
        return EXIT_OK;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(`${USAGE}\n`);
        return command === undefined ? EXIT_FAILURE : EXIT_OK;
      default:
        return fail(`unknown command "${command}".\n${USAGE}`);
    }
  } catch (cause) {
    return fail(cause instanceof Error ? cause.message : String(cause));
  }
}

function parseArgs(args: readonly string[]): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const takesValue = key === 'roles' || key === 'seed' || key === 'lang';
    flags.set(key, inline ?? (takesValue ? (args[++i] ?? '') : 'true'));
  }
  return { positional, flags };
}

const resolveFrom = (cwd: string, file: string): string => (isAbsolute(file) ? file : resolve(cwd, file));

type Loaded = { ok: true; doc: OrgDocument } | { ok: false; message: string };

/** Reads a file through the one import pipeline; the size cap is checked before reading. */
async function loadFile(path: string): Promise<Loaded> {
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, message: 'not a file.' };
    if (info.size > MAX_FILE_BYTES) return loadMessage(tooLarge());
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? 'no such file.' : `cannot read it (${code ?? String(cause)}).` };
  }
  return loadMessage(parseDocument(text));
}

function loadMessage(result: ParseResult): Loaded {
  return result.ok ? { ok: true, doc: result.doc } : { ok: false, message: `${result.error.message} [${result.error.code}]` };
}

const findingJson = (f: Finding) => ({ rule: f.rule, severity: f.severity, roles: f.roles, message: f.message });

const HEADINGS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function formatFindings(doc: OrgDocument, findings: readonly Finding[]): string {
  const summary = summarize(findings);
  const lines = [`${doc.name}: ${plural(summary.error, 'error')}, ${plural(summary.warning, 'warning')}, ${summary.info} info`];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `${HEADINGS[severity]} (${group.length})`);
    for (const f of group) lines.push(`  ${f.rule.padEnd(8)}  ${f.message}${f.roles.length ? `  [${f.roles.join(', ')}]` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

function formatStats(doc: OrgDocument, metrics: ReturnType<typeof computeMetrics>): string {
  const lines = [`${doc.name}`];
  for (const [key, value] of Object.entries(metrics)) {
    if (value === null || typeof value !== 'object') lines.push(`  ${key}: ${typeof value === 'number' ? formatNumber(value) : String(value)}`);
    else if (!Array.isArray(value)) lines.push(`  ${key}: ${Object.entries(value).map(([k, v]) => `${k} ${String(v)}`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

const formatNumber = (n: number): string => (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(2));
