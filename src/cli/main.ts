/**
 * `org`: the command-line checker. The same pipeline and rules as the designer:
 *   org check <file> [--json] [--lang zh-CN]   findings; exit 0 (no error), 1 (errors), 2 (cannot load)
 *   org stats <file> [--json] [--lang zh-CN]   headcount, layers, spans, cost, coverage
 *   org format <file>             the canonical export of the document
 *   org new <preset|blank>        print a preset or a blank document
 *   org generate --roles N [--seed S]   print a synthetic organization
 *   org render <file> --svg [--lang zh-CN] [--no-findings]   the SVG picture of the chart
 *   org export-csv <file> [--findings] [--lang zh-CN]   the roles (or the findings) as CSV
 *   org import <file.csv|file.xlsx> [--map field=Column …] [--currency CNY] [--name NAME]   a spreadsheet as an org document
 *   org diff <base> <proposed> [--json|--csv|--svg] [--lang zh-CN]   what changes; exit 0 (equal), 1 (differ), 2 (cannot load)
 * <file> may be `-`, standard input; UTF-8 (with or without a byte-order mark) and UTF-16
 * with a byte-order mark are read (io/decode.ts, as in the browser).
 * Errors are one line on stderr, never a stack trace; so is a failed write to standard
 * output (a closed pipe, a full disk), with exit 2. Text from a document reaches the
 * terminal with its control characters made visible (visible.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, resolve } from 'node:path';
import { blankDocument } from '../model/blank.ts';
import { generateOrg } from '../model/generate.ts';
import { MAX_ROLES } from '../schema/constants.ts';
import { MAX_FILE_BYTES, tooLarge, type LoadError, type ParseResult } from '../schema/load.ts';
import { parseDocument } from '../schema/parse.ts';
import type { OrgDocument, Severity } from '../schema/v1.ts';
import { decodeText } from '../io/decode.ts';
import { serializeDocument } from '../io/serialize.ts';
import { renderSvg } from '../io/svg.ts';
import { documentCsv, findingsCsv } from '../io/csv.ts';
import { importCommand } from '../import/command.ts';
import { diffCommand } from '../compare/command.ts';
import { buildTreeIndex } from '../model/tree.ts';
import { checkDocument } from '../rules/engine.ts';
import type { MessageEnv, RuleLanguage } from '../rules/message.ts';
import { findingMessage, loadRuleTexts, messageEnv, ruleTexts } from '../rules/texts.ts';
import { summarize, type Finding } from '../rules/types.ts';
import { computeMetrics } from '../metrics/index.ts';
import { PRESET_NAMES, readPreset } from './presets.ts';
import { processIo } from './process-io.ts';
import { visible, visibleJson } from './visible.ts';

export interface Io {
  /** Standard output; it may throw on a failed write (or report it through `flushed`). */
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Where relative file names are resolved: the directory the user ran the command in. */
  readonly cwd: string;
  /** Standard input, read when the file is `-` (a function: the process's stream is made on first use). */
  readonly stdin: () => AsyncIterable<Uint8Array>;
  /** Resolves once everything given to `out` is written; rejects with the first write error. */
  readonly flushed: () => Promise<void>;
}

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_FAILURE = 2;

const USAGE = `Usage: org <command>
  check <file> [--json] [--lang zh-CN]
                                   check a document against the rules (exit 0: no error, 1: errors, 2: cannot load)
  stats <file> [--json] [--lang zh-CN]
                                   headcount, layers, spans, cost and coverage
  format <file>                    print the canonical export of a document
  new <${[...PRESET_NAMES, 'blank'].join('|')}>
                                   print a preset or a blank document
  generate --roles N [--seed S]    print a synthetic account-management organization of N roles
  render <file> --svg [--lang zh-CN] [--no-findings]
                                   print the chart as an SVG picture (PNG export is only in the browser)
  export-csv <file> [--findings] [--lang zh-CN]
                                   print the roles as CSV, one row per role (--findings: the findings)
  import <file.csv|file.xlsx> [--map field=Column …] [--currency CNY] [--name NAME] [--sheet S] [--external-managers] [--lang zh-CN]
                                   print the org document of a spreadsheet of people (docs/importing.md)
  diff <base> <proposed> [--json|--csv|--svg] [--lang zh-CN]
                                   what the proposal changes: roles, metrics, findings, deciders, budgets
                                   (--svg: the proposal's chart with the changes marked)
                                   (exit 0: equal, 1: they differ, 2: cannot load; docs/scenarios.md)
<file> may be - for standard input; files are UTF-8 or UTF-16 with a byte-order mark.`;

/** A write to standard output failed; `cause` is the stream's error (EPIPE, ENOSPC, …). */
class OutputError extends Error {
  constructor(override readonly cause: unknown) {
    super('output failed');
  }
}

/** Runs the CLI with these arguments; resolves to the exit code once the output is written. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  const { positional, flags, maps } = parseArgs(rest);
  // Every line on stderr is made visible: messages quote file names, arguments and document text.
  const fail = (message: string): number => {
    io.err(`org: ${message.split('\n').map(visible).join('\n')}\n`);
    return EXIT_FAILURE;
  };
  const guarded: Io = {
    ...io,
    out: (text) => {
      try {
        io.out(text);
      } catch (cause) {
        throw new OutputError(cause);
      }
    },
  };
  try {
    const code = await run(command, positional, flags, maps, guarded, fail);
    await io.flushed().catch((cause: unknown) => {
      throw new OutputError(cause);
    });
    return code;
  } catch (cause) {
    if (cause instanceof OutputError) return fail(outputFailure(cause.cause));
    return fail(cause instanceof Error ? cause.message : String(cause));
  }
}

/** One line for a failed write to standard output, in words and with the system's code. */
function outputFailure(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'EPIPE' ? 'the program reading it closed the pipe'
    : code === 'ENOSPC' ? 'no space left on the device'
    : cause instanceof Error ? cause.message
    : String(cause);
  return `cannot write to standard output: ${why.replace(/\s+/g, ' ')}${code && !why.includes(code) ? ` (${code})` : ''}.`;
}

/** One command; `fail` prints its one line and gives the exit code 2. */
async function run(command: string | undefined, positional: readonly string[], flags: ReadonlyMap<string, string>, maps: readonly string[], io: Io, fail: (message: string) => number): Promise<number> {
  const load = (file: string) => (file === STDIN ? readAll(io.stdin(), MAX_READ_BYTES) : readSource(resolveFrom(io.cwd, file)));
  const sourceName = (file: string) => (file === STDIN ? 'standard input' : file);
  switch (command) {
    case 'check':
    case 'stats':
    case 'format': {
      const file = positional[0];
      if (!file) return fail(`${command} needs a file.\n${USAGE}`);
      const lang = languageOf(flags);
      if (lang === null) return fail(`--lang must be en or zh-CN, not "${flags.get('lang')!}".`);
      await loadRuleTexts(lang);
      const loaded = decodeAndParse(await load(file));
      if (!loaded.ok) return fail(`cannot load ${sourceName(file)}: ${loaded.message}`);
      if (command === 'format') {
        io.out(serializeDocument(loaded.doc));
        return EXIT_OK;
      }
      if (command === 'stats') {
        const metrics = computeMetrics(loaded.doc);
        io.out(flags.has('json') ? `${visibleJson(metrics)}\n` : formatStats(loaded.doc, metrics, lang));
        return EXIT_OK;
      }
      const index = buildTreeIndex(loaded.doc);
      const findings = checkDocument(loaded.doc, index);
      const summary = summarize(findings);
      const env = messageEnv(ruleTexts(lang), loaded.doc, (id) => index.roleIndex(id));
      io.out(flags.has('json') ? `${visibleJson({ findings: findings.map((f) => findingJson(f, env)), summary })}\n` : formatFindings(loaded.doc, findings, env));
      return summary.error > 0 ? EXIT_FINDINGS : EXIT_OK;
    }
    case 'render': {
      const file = positional[0];
      if (!file) return fail(`render needs a file.\n${USAGE}`);
      if (!flags.has('svg')) return fail(`render needs --svg: the command line draws SVG only (PNG export is only in the browser).\n${USAGE}`);
      const lang = languageOf(flags);
      if (lang === null) return fail(`--lang must be en or zh-CN, not "${flags.get('lang')!}".`);
      await loadRuleTexts(lang);
      const loaded = decodeAndParse(await load(file));
      if (!loaded.ok) return fail(`cannot load ${sourceName(file)}: ${loaded.message}`);
      io.out(renderSvg(loaded.doc, { language: lang, includeFindings: !flags.has('no-findings') }).svg);
      return EXIT_OK;
    }
    case 'export-csv': {
      const file = positional[0];
      if (!file) return fail(`export-csv needs a file.\n${USAGE}`);
      const lang = languageOf(flags);
      if (lang === null) return fail(`--lang must be en or zh-CN, not "${flags.get('lang')!}".`);
      await loadRuleTexts(lang);
      const loaded = decodeAndParse(await load(file));
      if (!loaded.ok) return fail(`cannot load ${sourceName(file)}: ${loaded.message}`);
      const csv = flags.has('findings') ? findingsCsv(loaded.doc, checkDocument(loaded.doc), lang) : documentCsv(loaded.doc);
      io.out(csvForTerminal(csv));
      return EXIT_OK;
    }
    case 'import': {
      const file = positional[0];
      if (!file) return fail(`import needs a CSV, TSV or .xlsx file.\n${USAGE}`);
      const lang = languageOf(flags);
      if (lang === null) return fail(`--lang must be en or zh-CN, not "${flags.get('lang')!}".`);
      await loadRuleTexts(lang);
      const read = await load(file);
      if (!read.ok) return fail(`cannot read ${sourceName(file)}: ${read.message}`);
      const result = await importCommand(read.bytes, file === STDIN ? 'stdin' : file, {
        map: maps,
        ...(flags.has('currency') ? { currency: flags.get('currency')! } : {}),
        name: flags.get('name') ?? (file === STDIN ? 'Imported organization' : basename(file, extname(file))),
        ...(flags.has('sheet') ? { sheet: flags.get('sheet')! } : {}),
        outsideManagers: flags.has('external-managers') ? 'external' : 'top',
        language: lang,
      });
      if (!result.ok) return fail(`cannot import ${sourceName(file)}: ${result.message}`);
      io.out(result.json);
      io.err(`${result.notes.map((line) => `org: ${visible(line)}`).join('\n')}\n`);
      return EXIT_OK;
    }
    case 'diff': {
      const [baseFile, proposedFile] = positional;
      if (!baseFile || !proposedFile) return fail(`diff needs two files, the base and the proposal.\n${USAGE}`);
      if (baseFile === STDIN && proposedFile === STDIN) return fail('diff reads at most one of its two files from standard input.');
      const lang = languageOf(flags);
      if (lang === null) return fail(`--lang must be en or zh-CN, not "${flags.get('lang')!}".`);
      await loadRuleTexts(lang);
      const base = decodeAndParse(await load(baseFile));
      if (!base.ok) return fail(`cannot load ${sourceName(baseFile)}: ${base.message}`);
      const proposed = decodeAndParse(await load(proposedFile));
      if (!proposed.ok) return fail(`cannot load ${sourceName(proposedFile)}: ${proposed.message}`);
      const format = flags.has('json') ? 'json' : flags.has('csv') ? 'csv' : flags.has('svg') ? 'svg' : 'text';
      const result = diffCommand(base.doc, proposed.doc, { format, language: lang });
      io.out(format === 'csv' ? csvForTerminal(result.text) : result.text);
      return result.code === 0 ? EXIT_OK : EXIT_FINDINGS;
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
}

function parseArgs(args: readonly string[]): { positional: string[]; flags: Map<string, string>; maps: string[] } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  const maps: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    // Split at the first '=' only: `--map=manager=Boss ID` keeps its own '='.
    const eq = arg.indexOf('=');
    const key = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    const takesValue = key === 'roles' || key === 'seed' || key === 'lang' || key === 'map' || key === 'currency' || key === 'name' || key === 'sheet';
    const value = inline ?? (takesValue ? (args[++i] ?? '') : 'true');
    // `--map field=Column` may be given many times (org import).
    if (key === 'map') maps.push(value);
    else flags.set(key, value);
  }
  return { positional, flags, maps };
}

const resolveFrom = (cwd: string, file: string): string => (isAbsolute(file) ? file : resolve(cwd, file));

/** The file name that stands for standard input. */
const STDIN = '-';

/**
 * The most bytes read before refusing. The size cap counts the document's UTF-8; its UTF-16
 * takes at most twice as many bytes (plus the mark), so a file up to that size may still be
 * within the cap, and parseDocument measures the decoded text.
 */
const MAX_READ_BYTES = 2 * MAX_FILE_BYTES + 2;

type Loaded = { ok: true; doc: OrgDocument } | { ok: false; message: string };
type Read = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/** The bytes of a file; files over the read limit are refused before reading. */
async function readSource(path: string): Promise<Read> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, message: 'not a file.' };
    if (info.size > MAX_READ_BYTES) return tooLargeRead();
    return { ok: true, bytes: await readFile(path) };
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? 'no such file.' : `cannot read it (${code ?? String(cause)}).` };
  }
}

/** Every chunk of a stream, or the size refusal as soon as it passes `max` bytes. */
async function readAll(chunks: AsyncIterable<Uint8Array>, max: number): Promise<Read> {
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of chunks) {
      size += chunk.length;
      if (size > max) return tooLargeRead();
      parts.push(chunk);
    }
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    return { ok: false, message: `cannot read it (${code ?? String(cause)}).` };
  }
  return { ok: true, bytes: Buffer.concat(parts) };
}

/** The import pipeline's own size refusal (tooLarge never accepts), for input refused before it is all read. */
function tooLargeRead(): Read {
  const { error } = tooLarge() as Extract<ParseResult, { ok: false }>;
  return { ok: false, message: loadMessageOf(error) };
}

/** Bytes → text (io/decode.ts) → the one import pipeline. */
function decodeAndParse(read: Read): Loaded {
  if (!read.ok) return read;
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) return decoded;
  return loadMessage(parseDocument(decoded.text));
}

function loadMessage(result: ParseResult): Loaded {
  return result.ok ? { ok: true, doc: result.doc } : { ok: false, message: loadMessageOf(result.error) };
}

const loadMessageOf = (error: LoadError): string => `${error.message} [${error.code}]`;

/**
 * CSV on its way to standard output: the characters a terminal acts on are written as `\uXXXX`
 * (visible.ts), as every command does with document text, except tab, CR and LF, which
 * are the CSV's own (quoted inside cells, CRLF between rows). The browser's Export CSV
 * keeps such characters as they are.
 */
const csvForTerminal = (csv: string): string => csv.replace(/[^\t\r\n]+/g, visible);

/** rules.md's finding shape; the message in the language of `--lang` (English by default). */
const findingJson = (f: Finding, env: MessageEnv) => ({ rule: f.rule, severity: f.severity, roles: f.roles, message: findingMessage(f, env) });

/** `--lang`: en (the default) or zh-CN; null for anything else. */
function languageOf(flags: ReadonlyMap<string, string>): RuleLanguage | null {
  const lang = flags.get('lang') ?? 'en';
  return lang === 'en' || lang === 'zh-CN' ? lang : null;
}

const WORDS = {
  en: {
    headings: { error: 'Errors', warning: 'Warnings', info: 'Info' },
    summary: (s: Record<Severity, number>) => `${s.error} error${s.error === 1 ? '' : 's'}, ${s.warning} warning${s.warning === 1 ? '' : 's'}, ${s.info} info`,
    separator: ': ',
  },
  'zh-CN': {
    headings: { error: '错误', warning: '警告', info: '提示' },
    summary: (s: Record<Severity, number>) => `错误 ${s.error} 条，警告 ${s.warning} 条，提示 ${s.info} 条`,
    separator: '：',
  },
} as const;

/** Human output: every line goes through `visible`, since names, titles and messages come from the document. */
function formatFindings(doc: OrgDocument, findings: readonly Finding[], env: MessageEnv): string {
  const w = WORDS[env.language];
  const lines = [`${doc.name}${w.separator}${w.summary(summarize(findings))}`];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `${w.headings[severity]} (${group.length})`);
    for (const f of group) lines.push(`  ${f.rule.padEnd(8)}  ${findingMessage(f, env)}${f.roles.length ? `  [${f.roles.join(', ')}]` : ''}`);
  }
  return `${lines.map(visible).join('\n')}\n`;
}

/** `org stats`: one line per figure, named in the language (the JSON keeps the keys). */
function formatStats(doc: OrgDocument, metrics: ReturnType<typeof computeMetrics>, language: RuleLanguage): string {
  const lines = [`${doc.name}`];
  const sep = WORDS[language].separator;
  for (const [key, value] of Object.entries(metrics)) {
    const label = language === 'en' ? key : (STAT_LABELS_ZH[key] ?? key);
    if (value === null || typeof value !== 'object') lines.push(`  ${label}${sep}${typeof value === 'number' ? formatNumber(value, language) : String(value ?? '—')}`);
    else if (!Array.isArray(value)) lines.push(`  ${label}${sep}${Object.entries(value).map(([k, v]) => `${k} ${String(v)}`).join(', ')}`);
  }
  return `${lines.map(visible).join('\n')}\n`;
}

/** The figures of `org stats` in Chinese (OrgMetrics' keys). */
const STAT_LABELS_ZH: Readonly<Record<string, string>> = {
  headcount: '编制人数',
  vacancies: '空缺',
  roleCount: '角色数',
  layers: '层级数',
  managers: '经理人数',
  averageSpan: '平均管理跨度',
  loadFactor: '人力成本系数',
  loadedCost: '满载人力成本',
  personnelBudget: '人员预算',
  costBudgetRatio: '成本与预算之比',
  revenueTarget: '收入目标',
  rootId: '顶层角色',
};

const formatNumber = (n: number, language: RuleLanguage = 'en'): string => (Number.isInteger(n) ? n.toLocaleString(language === 'en' ? 'en-US' : language) : n.toFixed(2));
