/**
 * Every sentence the import core says to people, in English and Simplified Chinese (the
 * UI's two languages), in this one place: the reader's refusals, the plan's problems and
 * inferences, and `org import`'s summary. Each message is a pair of functions of the same
 * data, so a message without its Chinese (or with Chinese taking other data) does not
 * typecheck. Quoted cell values, headers and codes (family, function, currency) stay as
 * they are in both languages; the Chinese uses “ ” around them and 、 between list items.
 */
import type { FieldId, ImportLanguage, ReferenceKind } from './types.ts';

type Template<D> = { readonly en: (data: D) => string; readonly 'zh-CN': (data: D) => string };

/** Ties both languages of a message to one data type (the Chinese is checked against the English's). */
const both = <D = void>(template: Template<D>): Template<D> => template;

const list = (items: readonly string[], language: ImportLanguage): string =>
  language === 'en' ? items.map((s) => `"${s}"`).join(', ') : items.map((s) => `“${s}”`).join('、');

const KIND_ZH: Readonly<Record<ReferenceKind, string>> = { id: '工号', email: '邮箱', name: '姓名' };
const KIND_EN_PLURAL: Readonly<Record<ReferenceKind, string>> = { id: 'ids', email: 'emails', name: 'names' };

/** What a number cell must be, by the kind of number its column holds. */
export type NumberKind = 'amount' | 'percent' | 'count' | 'level';

/** The fields whose columns are read for matching and inference but not kept in the document. */
export type UnkeptField = Extract<FieldId, 'location' | 'department' | 'costCenter' | 'email'>;
const UNKEPT_EN: Readonly<Record<UnkeptField, string>> = { location: 'Locations', department: 'Departments', costCenter: 'Cost centers', email: 'Emails' };
const UNKEPT_ZH: Readonly<Record<UnkeptField, string>> = { location: '地点', department: '部门', costCenter: '成本中心', email: '邮箱' };

/** Headers `org import` looks for, quoted when it refuses a file, so the user knows what to name or map. */
const ID_EXAMPLES = ['id', 'Employee ID', 'employeeNumber', 'PersonID', '工号'];
const MANAGER_EXAMPLES = ['reportsTo', 'parentId', 'manager_id', 'Supervisor ID', 'Boss ID', 'Manager email', '上级工号', '直属上级'];

export const MESSAGES = {
  // Reading (read.ts, text.ts, xlsx.ts).
  fileTooLarge: both<{ mb: number }>({
    en: ({ mb }) => `The file is larger than ${mb} MB, the most that can be imported.`,
    'zh-CN': ({ mb }) => `文件超过 ${mb} MB，超出了可导入的上限。`,
  }),
  oldExcel: both({
    en: () => 'This is an old Excel workbook (.xls), which is not read. Save it as .xlsx or as CSV UTF-8 and import that.',
    'zh-CN': () => '这是旧版 Excel 工作簿（.xls），无法读取。请另存为 .xlsx 或“CSV UTF-8”后再导入。',
  }),
  unreadable: both<{ reason: string }>({
    en: ({ reason }) => `The file could not be read: ${reason}`,
    'zh-CN': ({ reason }) => `无法读取该文件：${reason}`,
  }),
  unclosedQuote: both<{ row: number | '?' }>({
    en: ({ row }) => `The file's quotes do not match: a quoted cell starting on data row ${row} is never closed.`,
    'zh-CN': ({ row }) => `文件中的引号不配对：从第 ${row} 行数据开始的带引号单元格没有结束引号。`,
  }),
  noRows: both({
    en: () => 'The file has no rows: the first row must name the columns.',
    'zh-CN': () => '文件中没有任何行：第一行应为列名。',
  }),
  /** A header cell left empty: the column is named by its place. */
  unnamedColumn: both<{ column: number }>({
    en: ({ column }) => `Column ${column}`,
    'zh-CN': ({ column }) => `第 ${column} 列`,
  }),
  notText: both({
    en: () => 'The file is neither UTF-8 nor GB18030/GBK text (nor UTF-16). Save it from the spreadsheet as "CSV UTF-8".',
    'zh-CN': () => '文件既不是 UTF-8 文本，也不是 GB18030/GBK（或 UTF-16）文本。请在表格软件中另存为“CSV UTF-8”。',
  }),
  /** A byte-order mark whose encoding the bytes do not follow; `detail` is io/decode.ts's English line, which says where. */
  badMarkedText: both<{ encoding: string; detail: string }>({
    en: ({ detail }) => detail,
    'zh-CN': ({ encoding }) =>
      encoding === 'utf-32'
        ? '文件是 UTF-32 文本，无法读取。请在表格软件中另存为“CSV UTF-8”。'
        : `文件以 ${encoding.toUpperCase()} 字节顺序标记开头，但内容不是有效的 ${encoding.toUpperCase()} 文本。请在表格软件中另存为“CSV UTF-8”。`,
  }),
  notZip: both({
    en: () => 'The file is not a readable .xlsx workbook (it is not a valid zip archive).',
    'zh-CN': () => '该文件不是可读取的 .xlsx 工作簿（不是有效的 zip 压缩包）。',
  }),
  workbookUnreadable: both<{ reason: string }>({
    en: ({ reason }) => `The .xlsx workbook could not be read: ${reason}`,
    'zh-CN': ({ reason }) => `无法读取该 .xlsx 工作簿：${reason}`,
  }),
  noSheets: both({
    en: () => 'The workbook has no sheets.',
    'zh-CN': () => '该工作簿中没有工作表。',
  }),
  noSuchSheet: both<{ sheet: string; sheets: readonly string[] }>({
    en: ({ sheet, sheets }) => `The workbook has no sheet "${sheet}"; its sheets are ${list(sheets, 'en')}.`,
    'zh-CN': ({ sheet, sheets }) => `该工作簿中没有名为“${sheet}”的工作表；现有工作表：${list(sheets, 'zh-CN')}。`,
  }),
  emptySheet: both<{ sheet: string; sheets: readonly string[] }>({
    en: ({ sheet, sheets }) => `The sheet "${sheet}" is empty; the workbook's sheets are ${list(sheets, 'en')}.`,
    'zh-CN': ({ sheet, sheets }) => `工作表“${sheet}”是空的；该工作簿的工作表有：${list(sheets, 'zh-CN')}。`,
  }),

  // Problems of the plan (plan.ts); numbers arrive formatted.
  tooManyRows: both<{ rows: string; max: string }>({
    en: ({ rows, max }) => `The file has ${rows} rows; a document holds at most ${max} roles, so rows after ${max} are not imported.`,
    'zh-CN': ({ rows, max }) => `文件有 ${rows} 行，而一个文档最多容纳 ${max} 个岗位，第 ${max} 行之后的行不会导入。`,
  }),
  missingId: both<{ row: number }>({
    en: ({ row }) => `Row ${row} has no id; it is imported with a new one.`,
    'zh-CN': ({ row }) => `第 ${row} 行没有工号；该行以新编号导入。`,
  }),
  duplicateId: both<{ row: number; id: string; first: number }>({
    en: ({ row, id, first }) => `Row ${row} has the id "${id}" of row ${first}; it is imported with a new id, and managers "${id}" mean row ${first}.`,
    'zh-CN': ({ row, id, first }) => `第 ${row} 行的工号“${id}”与第 ${first} 行重复；该行以新编号导入，上级为“${id}”的行都汇报给第 ${first} 行。`,
  }),
  ambiguousManager: both<{ row: number; count: number; ref: string }>({
    en: ({ row, count, ref }) => `Row ${row}: ${count} rows are named "${ref}", so its manager is not known; it is imported as a top role. Map an id or email column as the manager to settle it.`,
    'zh-CN': ({ row, count, ref }) => `第 ${row} 行：有 ${count} 行的姓名都是“${ref}”，无法确定其上级；该行作为顶层岗位导入。将工号列或邮箱列设为上级列即可确定。`,
  }),
  managerNotFound: both<{ row: number; kind: ReferenceKind; ref: string; external: boolean }>({
    en: ({ row, kind, ref, external }) => `Row ${row}: no row has the ${kind} "${ref}" of its manager; ${external ? 'it reports to an external role made for that manager' : 'it is imported as a top role'}.`,
    'zh-CN': ({ row, kind, ref, external }) => `第 ${row} 行：文件中没有${KIND_ZH[kind]}为“${ref}”的行作为其上级；${external ? '该行汇报给为这位上级创建的外部岗位' : '该行作为顶层岗位导入'}。`,
  }),
  cycle: both<{ row: number; path: string }>({
    en: ({ row, path }) => `Row ${row} is in a reporting cycle: ${path}. It is imported; the checker reports the cycle until it is broken.`,
    'zh-CN': ({ row, path }) => `第 ${row} 行处于汇报环路中：${path}。该行照常导入；环路解开之前，规则检查会一直报告此问题。`,
  }),
  mixedCurrency: both<{ codes: readonly string[]; currency: string }>({
    en: ({ codes, currency }) => `The file's amounts are in several currencies (${codes.join(', ')}); every amount is taken as ${currency}, the document's one currency.`,
    'zh-CN': ({ codes, currency }) => `文件中的金额使用了多种币种（${codes.join('、')}）；所有金额均按 ${currency} 计（一个文档只有一种币种）。`,
  }),
  badNumber: both<{ row: number; column: string; cell: string; kind: NumberKind; min: number; max: number }>({
    en: ({ row, column, cell, kind, min, max }) =>
      `Row ${row}, column "${column}": "${cell}" is not ${{ amount: 'an amount of 0 or more', percent: 'a percentage from 0 to 100', count: 'a whole number of 0 or more', level: `a whole number from ${min} to ${max}` }[kind]}; it is left out.`,
    'zh-CN': ({ row, column, cell, kind, min, max }) =>
      `第 ${row} 行“${column}”列：“${cell}”不是${{ amount: '大于或等于 0 的金额', percent: ' 0 到 100 之间的百分比', count: '大于或等于 0 的整数', level: ` ${min} 到 ${max} 之间的整数` }[kind]}；该值未导入。`,
  }),
  badFlag: both<{ row: number; column: string; cell: string }>({
    en: ({ row, column, cell }) => `Row ${row}, column "${column}": "${cell}" is neither yes nor no; taken as no.`,
    'zh-CN': ({ row, column, cell }) => `第 ${row} 行“${column}”列：“${cell}”既不是“是”也不是“否”；按“否”处理。`,
  }),
  badFamily: both<{ row: number; cell: string; families: readonly string[] }>({
    en: ({ row, cell, families }) => `Row ${row}: "${cell}" is not a family (${families.join(', ')}); it is inferred from the title.`,
    'zh-CN': ({ row, cell, families }) => `第 ${row} 行：“${cell}”不是有效的岗位族（${families.join('、')}）；岗位族改由职位名称推断。`,
  }),
  ambiguousDottedLine: both<{ row: number; count: number; ref: string }>({
    en: ({ row, count, ref }) => `Row ${row}: ${count} rows are named "${ref}"; that dotted line is left out.`,
    'zh-CN': ({ row, count, ref }) => `第 ${row} 行：有 ${count} 行的姓名都是“${ref}”；这条虚线汇报未导入。`,
  }),
  dottedLineNotFound: both<{ row: number; kind: ReferenceKind; ref: string }>({
    en: ({ row, kind, ref }) => `Row ${row}: no row has the ${kind} "${ref}" of its dotted-line manager; that dotted line is left out.`,
    'zh-CN': ({ row, kind, ref }) => `第 ${row} 行：文件中没有${KIND_ZH[kind]}为“${ref}”的行作为其虚线上级；这条虚线汇报未导入。`,
  }),
  importerBug: both({
    en: () => 'The imported document does not pass the format checks (a bug in the importer).',
    'zh-CN': () => '导入生成的文档未通过格式检查（这是导入程序的缺陷）。',
  }),

  // Inferences of the plan (plan.ts).
  untitled: both<{ title: string }>({
    en: ({ title }) => `Rows without a title are titled "${title}".`,
    'zh-CN': ({ title }) => `没有职位名称的行，职位名称记为“${title}”。`,
  }),
  familyFromTitle: both<{ matched: string | undefined; family: string; level: number | undefined }>({
    en: ({ matched, family, level }) => `${matched !== undefined ? `"${matched}" in the title` : 'no known word in the title'} → family ${family}${level !== undefined ? `, level ${level}` : ''}`,
    'zh-CN': ({ matched, family, level }) => `${matched !== undefined ? `职位名称中的“${matched}”` : '职位名称中没有可识别的词'} → 岗位族 ${family}${level !== undefined ? `，职级 ${level}` : ''}`,
  }),
  levelOfFamily: both<{ level: number; family: string }>({
    en: ({ level, family }) => `level ${level} for family ${family}`,
    'zh-CN': ({ level, family }) => `岗位族 ${family} → 职级 ${level}`,
  }),
  functionFrom: both<{ matched: string; source: 'department' | 'title'; fn: string }>({
    en: ({ matched, source, fn }) => `"${matched}" in the ${source} → function ${fn}`,
    'zh-CN': ({ matched, source, fn }) => `${source === 'department' ? '部门' : '职位名称'}中的“${matched}” → 职能 ${fn}`,
  }),
  salaryBand: both({
    en: () => 'one salary figure → a band with that figure as min and max',
    'zh-CN': () => '单个薪资数字 → 上下限均为该数字的薪资范围',
  }),
  externalManagers: both({
    en: () => 'Managers not in the file → an external role each',
    'zh-CN': () => '文件中不存在的上级 → 各建一个外部岗位',
  }),
  notKept: both<{ field: UnkeptField }>({
    en: ({ field }) => `${UNKEPT_EN[field]} are not part of an org document: they are used for matching and inference only, not kept.`,
    'zh-CN': ({ field }) => `${UNKEPT_ZH[field]}列的内容不会保存到组织文档：仅用于匹配和推断。`,
  }),

  // `org import` (command.ts).
  noIdentityColumn: both<{ headers: readonly string[] }>({
    en: ({ headers }) => `no column identifies the people: looked for an id column such as ${list(ID_EXAMPLES, 'en')} (or --map id=COLUMN), an email or a name column. Columns: ${headers.join(', ')}.`,
    'zh-CN': ({ headers }) => `没有能识别人员的列：查找了工号列（如 ${list(ID_EXAMPLES, 'zh-CN')}，或用 --map id=列名 指定）、邮箱列和姓名列。现有列：${headers.join('、')}。`,
  }),
  noManagerColumn: both<{ headers: readonly string[] }>({
    en: ({ headers }) => `no manager column found: looked for ${list(MANAGER_EXAMPLES, 'en')} (or --map manager=COLUMN). Columns: ${headers.join(', ')}.`,
    'zh-CN': ({ headers }) => `没有找到上级列：查找了 ${list(MANAGER_EXAMPLES, 'zh-CN')}（或用 --map manager=列名 指定）。现有列：${headers.join('、')}。`,
  }),
  badCurrencyOption: both<{ value: string }>({
    en: ({ value }) => `--currency must be an ISO 4217 code of 3 letters such as CNY, not "${value}".`,
    'zh-CN': ({ value }) => `--currency 须为 3 个字母的 ISO 4217 代码（如 CNY），而不是“${value}”。`,
  }),
  needsCurrency: both({
    en: () => 'the file has salaries or targets but does not say their currency: pass --currency with an ISO 4217 code such as CNY.',
    'zh-CN': () => '文件中有薪资或目标金额，但没有注明币种：请用 --currency 指定 ISO 4217 代码，如 CNY。',
  }),
  summary: both<{ roles: number; rows: number; kind: ReferenceKind | null; top: number; problems: number }>({
    en: ({ roles, rows, kind, top, problems }) => `imported ${roles} roles from ${rows} rows${kind ? ` (the manager column holds ${KIND_EN_PLURAL[kind]})` : ''}, ${top} top roles, ${problems} problems.`,
    'zh-CN': ({ roles, rows, kind, top, problems }) => `已从 ${rows} 行导入 ${roles} 个岗位${kind ? `（上级列为${KIND_ZH[kind]}）` : ''}，${top} 个顶层岗位，${problems} 个问题。`,
  }),
  moreProblems: both<{ count: number }>({
    en: ({ count }) => `… and ${count} more problems.`,
    'zh-CN': ({ count }) => `… 另有 ${count} 个问题。`,
  }),
  badMapOption: both<{ pair: string; fields: readonly string[] }>({
    en: ({ pair, fields }) => `--map takes field=Column with a field among ${fields.join(', ')}; "${pair}" is not one.`,
    'zh-CN': ({ pair, fields }) => `--map 的格式为 字段=列名，字段须为 ${fields.join(', ')} 之一；“${pair}”不符合。`,
  }),
  mapNoColumn: both<{ pair: string; name: string; headers: readonly string[] }>({
    en: ({ pair, name, headers }) => `--map ${pair}: the file has no column "${name}"; its columns are ${headers.join(', ')}.`,
    'zh-CN': ({ pair, name, headers }) => `--map ${pair}：文件中没有“${name}”列；现有列：${headers.join('、')}。`,
  }),
};

export type MessageId = keyof typeof MESSAGES;
type DataOf<K extends MessageId> = Parameters<(typeof MESSAGES)[K]['en']>[0];

/** The messages in one language, each a function of its data: `messagesIn('zh-CN').missingId({ row: 3 })`. */
export type Messages = { readonly [K in MessageId]: (data: DataOf<K>) => string };

const BY_LANGUAGE = new Map<ImportLanguage, Messages>();

export function messagesIn(language: ImportLanguage = 'en'): Messages {
  let say = BY_LANGUAGE.get(language);
  if (!say) {
    say = Object.fromEntries(Object.entries(MESSAGES).map(([id, template]) => [id, (template as Template<unknown>)[language]])) as unknown as Messages;
    BY_LANGUAGE.set(language, say);
  }
  return say;
}

/** Titles the importer gives roles the file does not title, in both languages (the role keeps the Chinese in `titles`). */
export const ROLE_TITLES = {
  untitled: { en: 'Untitled role', 'zh-CN': '未命名岗位' },
  outsideManager: { en: 'Manager outside the file', 'zh-CN': '文件外的上级' },
} as const satisfies Readonly<Record<string, Readonly<Record<ImportLanguage, string>>>>;
