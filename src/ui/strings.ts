/**
 * Every UI string, in English here and in Simplified Chinese in strings-zh.ts (loaded
 * on demand). The Chinese catalogue is typed against the English one, so a missing
 * translation fails the typecheck.
 * Placeholders are written {name} and filled by `format`.
 */
export type Language = 'en' | 'zh-CN';
export const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

const en = {
  appName: 'Org Designer',
  new: 'New',
  presets: 'Presets',
  import: 'Import',
  exportJson: 'Export JSON',
  exportPng: 'Export PNG',
  exportSvg: 'Export SVG',
  undo: 'Undo',
  redo: 'Redo',
  autoLayout: 'Auto layout',
  direction: 'Layout direction',
  directionTB: 'Top to bottom',
  directionLR: 'Left to right',
  search: 'Search roles',
  searchPlaceholder: 'Find a role or person…',
  noMatch: 'No role matches “{query}”.',
  language: 'Language',
  documentName: 'Document name',
  close: 'Close',
  dismiss: 'Dismiss',
  palette: 'Role palette',
  paletteHint: 'Drag a card onto the canvas, or onto a role to add a report.',
  canvas: 'Organization chart',
  inspector: 'Inspector',
  findings: 'Findings',
  metrics: 'Metrics',
  noFindings: 'No findings: the design follows every rule.',
  errors: 'Errors',
  warnings: 'Warnings',
  infos: 'Info',
  whyRule: 'Why this rule',
  source: 'Source',
  presetsTitle: 'Start from a preset',
  presetsHint: 'Loading a preset replaces the document; Undo brings yours back.',
  blankDocument: 'Blank document',
  headcount: 'Headcount',
  vacancies: 'Vacancies',
  layers: 'Layers',
  managers: 'Managers',
  averageSpan: 'Average span',
  spanBuckets: 'Spans (direct reports per manager)',
  loadedCost: 'Loaded cost',
  personnelBudget: 'Personnel budget',
  costCoverage: 'Cost / budget',
  revenueTarget: 'Revenue target',
  targetCoverage: 'Target coverage',
  saved: 'Saved',
  saving: 'Saving…',
  saveConflict: 'This document was changed in another tab.',
  loadTheirs: 'Load the other tab’s version',
  keepMine: 'Keep this version',
  newerSaved: 'Your saved document was made by a newer version of the designer ({message}). Autosave is paused so it is not overwritten.',
  overwriteSaved: 'Overwrite it',
  unreadableSaved: 'Your saved document could not be read ({message}). It was kept aside as “{key}”; the preset is open instead.',
  unreadableNotKept: 'Your saved document could not be read ({message}) and could not be kept aside, so autosave is off. Export JSON to keep your work.',
  importNotes: 'Imported with notes: {notes}',
  collapse: 'Collapse',
  expand: 'Expand',
  hiddenReports: '+{count}',
  reportsTo: 'Reports to',
  noManager: '— none (top role) —',
  document: 'Document',
  currency: 'Currency',
  period: 'Period',
  description: 'Description',
  ruleSettings: 'Rule settings',
  enabled: 'Enabled',
  severity: 'Severity',
  defaultSeverity: 'default',
  role: 'Role',
  title: 'Title',
  titleZh: 'Chinese title',
  family: 'Family',
  function: 'Function',
  level: 'Level',
  archetype: 'Manager archetype',
  byFamily: 'by family ({value})',
  external: 'External (outside the department)',
  assistant: 'Assistant to the manager',
  holder: 'Holder',
  holderName: 'Name',
  yearsExperience: 'Years of experience',
  yearsManagement: 'Years of people management',
  languages: 'Languages',
  salaryMin: 'Salary min',
  salaryMax: 'Salary max',
  bonusPct: 'Bonus %',
  accounts: 'Accounts',
  budgets: 'Budgets',
  decisions: 'Decision rights',
  requirements: 'Requirements',
  exceptions: 'Accepted exceptions',
  dottedLines: 'Dotted lines',
  add: 'Add',
  remove: 'Remove',
  deleteRole: 'Delete role',
  roleProfile: 'Role profile',
  responsibilities: 'Responsibilities',
  skills: 'Skills',
  careerPath: 'Typical career path',
  fromDocument: 'From “{document}”',
  findingsOfRole: 'Findings on this role',
  dropPreview: 'Drop to report to {manager}: span {before} → {after} ({archetype} {range})',
  dropErrors: 'errors {before} → {after}',
  dropWarnings: 'warnings {before} → {after}',
  refusedCycle: 'Refused: {reason}',
  selectRole: 'Select a role to edit it, or edit the document here.',
  id: 'Id',
  tier: 'Tier',
  count: 'Count',
  budgetId: 'Budget id',
  kind: 'Kind',
  amount: 'Amount',
  parentBudget: 'Parent budget',
  area: 'Area',
  authority: 'Authority',
  scope: 'Scope',
  defaultScope: 'default',
  limitPercent: 'Limit (%)',
  limitAmount: 'Limit',
  lineTo: 'To',
  rule: 'Rule',
  reason: 'Reason',
  missing: 'missing',
  vacant: 'vacant',
  required: 'Required.',
  noSuchRole: 'No role has this id.',
  notANumber: 'Not a number.',
  fitView: 'Fit the whole chart in view',
  exportPicture: 'Export a picture',
  format: 'Format',
  scale: 'Scale',
  background: 'Background',
  backgroundWhite: 'White',
  backgroundTransparent: 'Transparent',
  includeFindings: 'Show finding badges',
  export: 'Export',
  exporting: 'Exporting…',
  cancel: 'Cancel',
  exportReduced: 'The chart is too large for that scale: the PNG was made at {scale}× ({width} × {height} px).',
  // Issue 16, part 6: every document that loads can be written.
  exportJsonFailed: 'Export JSON failed: the document could not be written as JSON ({reason}). Nothing was downloaded.',
} as const;

export type StringKey = keyof typeof en;


// Other languages are chunks of their own, loaded before the UI switches to them.
const CATALOGUES: Partial<Record<Language, Readonly<Record<StringKey, string>>>> = { en };

/** Loads a language's catalogue (a no-op for English or once loaded). */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'zh-CN') CATALOGUES['zh-CN'] ??= (await import('./strings-zh.ts')).zhCN;
}

/** The string for a key in a language (English until that language is loaded), with {placeholders} filled. */
export function translate(language: Language, key: StringKey, values?: Readonly<Record<string, string | number>>): string {
  const text = (CATALOGUES[language] ?? en)[key];
  return values ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole)) : text;
}

/** The language to start in: the saved choice, else the browser's, else English. */
export function initialLanguage(saved: string | null, browserLanguages: readonly string[]): Language {
  if (saved === 'en' || saved === 'zh-CN') return saved;
  for (const tag of browserLanguages) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
