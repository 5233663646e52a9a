/**
 * The SVG picture of a document (docs/export.md): drawn from the document and its
 * layout, not from the DOM, so it runs in Node (the CLI's `org render --svg`) as in the
 * browser. Cards, lines and colours follow the canvas (src/app/app.css, RoleNode,
 * OverviewLayer); reporting lines take the layout's planned routes (src/layout/routes.ts).
 * Pure string building, one pass per role; every user string goes through escapeXml.
 */
import { isVacant } from '../model/facts.ts';
import { buildTreeIndex } from '../model/tree.ts';
import { layoutDocument, NODE_HEIGHT, NODE_WIDTH, Slot, type Layout } from '../layout/index.ts';
import { curvePath, dottedRoute, entryPoint, exitPoint, pathOf, routePoints } from '../layout/routes.ts';
import { checkDocument } from '../rules/engine.ts';
import { findingsByRole, type RoleFindings } from '../rules/types.ts';
import { familyLabel, localTitle, poolWords, vacancyWords } from '../model/labels.ts';
import type { OrgDocument, Role, Severity } from '../schema/v1.ts';
import { displayText, escapeXml, fitLine, fitLines, textWidth } from './svg-text.ts';
import { DOTTED_STYLES, FAMILY_COLOURS, LINE_COLOUR, SEVERITY_COLOURS } from '../layout/colours.ts';

export { escapeXml } from './svg-text.ts';

export type SvgLanguage = 'en' | 'zh-CN';

export interface SvgOptions {
  /** Titles and labels: `zh-CN` shows `titles["zh-CN"]` when present. Default `en`. */
  readonly language?: SvgLanguage;
  /** Draw each role's finding badge (count, coloured by the worst severity). Default true. */
  readonly includeFindings?: boolean;
  /** Default white. */
  readonly background?: 'white' | 'transparent';
  /** Shown in the title block: a Date (its local calendar day, yyyy-mm-dd) or a string as is. Default today. */
  readonly date?: Date | string;
  /**
   * For a picture built on this one (the marked chart of a comparison, src/compare/svg.ts):
   * called once the cards are placed and the lines routed, before the cards are written.
   */
  readonly overlay?: (frame: SvgFrame) => SvgOverlay;
}

/** What an overlay sees of the picture being drawn. Coordinates are the chart's (the layout's, as cards are placed). */
export interface SvgFrame {
  readonly language: SvgLanguage;
  readonly direction: 'TB' | 'LR';
  /** The top-left corner of a role's card, or undefined when it is not drawn (not in the document, or hidden in a collapsed team). */
  at(id: string): { readonly x: number; readonly y: number } | undefined;
  /** The bounds of everything drawn so far: cards, lines and what `include` added. */
  bounds(): Box;
  /** Makes the picture hold this box as well. */
  include(x: number, y: number, width: number, height: number): void;
  /** A card as drawn for a role, without finding badge, at (x, y): for a role that is not in the document, a removed role's ghost. The picture holds it. */
  card(role: Role, x: number, y: number, mark?: CardMark): string;
  /**
   * The path (`d`) of a reporting line from one drawn card to another, routed as between
   * cards moved by hand (no planned bus); undefined when either is not drawn. The picture holds it.
   */
  reportingLine(managerId: string, reportId: string): string | undefined;
}

/** Added to a card: a class on its group and markup drawn over it, in the card's coordinates (0, 0 its top-left corner). */
export interface CardMark {
  readonly className: string;
  readonly markup: string;
}

export interface SvgOverlay {
  /** Marks on drawn cards, by role id. */
  readonly marks?: ReadonlyMap<string, CardMark>;
  /** Markup in chart coordinates, drawn after the lines and before the cards, and after the cards. */
  readonly beforeCards?: string;
  readonly afterCards?: string;
  /** A block drawn under the title block, its markup in its own coordinates from (0, 0); the picture makes room for it. */
  readonly legend?: { readonly width: number; readonly height: number; readonly markup: string };
}

export interface SvgResult {
  readonly svg: string;
  /** Size in px, integers, equal to the viewBox. */
  readonly width: number;
  readonly height: number;
}

/** The system font stack of the canvas with CJK fallbacks: nothing is fetched or embedded. */
export const SVG_FONT_STACK = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

const PAD = 24;
const NAME_SIZE = 20;
const NAME_LINE = 26;
const SUB_SIZE = 12;
/** Space between the title block and the chart. */
const HEADER_GAP = 28;
/** The title block is at least this wide, so a short chart does not squeeze the name. */
const MIN_HEADER_WIDTH = 640;

// Card geometry from .role-card (1px border, 5px family bar, padding 0.35rem × 0.5rem at 14px).
const CARD_PAD_X = 7;
const TEXT_X = 5 + CARD_PAD_X;
const TEXT_RIGHT = 1 + CARD_PAD_X;
const TITLE_SIZE = 13;
const TITLE_LINE = 15.6;
const META_SIZE = 11;
const HOLDER_SIZE = 12;
const BADGE_H = 19.6;
const BADGE_GAP = 4;
const PILL_H = 15;
/** How far the "+N" pill of a collapsed card reaches below it. */
const PILL_BELOW = 10;
/** Between the title block and a legend under it. */
const LEGEND_GAP = 14;

const LABELS = {
  en: { period: 'Period', date: 'Date', level: 'Level', sep: ': ', badge: (n: number, worst: Severity) => `${n} ${n === 1 ? 'finding' : 'findings'} (worst: ${worst})` },
  'zh-CN': { period: '期间', date: '日期', level: '职级', sep: '：', badge: (n: number, worst: Severity) => `${n} 条发现（最严重：${({ error: '错误', warning: '警告', info: '提示' } as const)[worst]}）` },
} as const;

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Renders a document as a standalone SVG 1.1 picture: title block, reporting and dotted lines, one card per visible role. */
export function renderSvg(doc: OrgDocument, options: SvgOptions = {}): SvgResult {
  const language: SvgLanguage = options.language === 'zh-CN' ? 'zh-CN' : 'en';
  const labels = LABELS[language];
  const index = buildTreeIndex(doc);
  const layout = layoutDocument(doc, index);
  const marks = options.includeFindings === false ? new Map<string, RoleFindings>() : findingsByRole(checkDocument(doc, index));
  const roles = doc.roles;
  const n = roles.length;
  const w = layout.nodeWidth;
  const h = layout.nodeHeight;

  // Where each visible card is drawn: its manual position (as on the canvas), else the layout's.
  const px = new Float64Array(n).fill(NaN);
  const py = new Float64Array(n).fill(NaN);
  const manual = new Uint8Array(n);
  const positions = doc.view.positions;
  const box: Box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (let i = 0; i < n; i++) {
    if (layout.hidden[i] || !Number.isFinite(layout.x[i]!)) continue;
    const id = roles[i]!.id;
    const p = Object.hasOwn(positions, id) ? positions[id] : undefined;
    if (p && Number.isFinite(p.x) && Number.isFinite(p.y)) {
      px[i] = p.x;
      py[i] = p.y;
      manual[i] = 1;
    } else {
      px[i] = layout.x[i]!;
      py[i] = layout.y[i]!;
    }
    grow(box, px[i]!, py[i]!);
    grow(box, px[i]! + w, py[i]! + h + (layout.hiddenCount[i]! > 0 ? PILL_BELOW : 0));
  }
  const shown = (i: number): boolean => i >= 0 && !Number.isNaN(px[i]!);

  const lines = reportingLines(roles, index.managerOf, layout, px, py, manual, shown, box);
  const dotted = dottedLines(roles, index.indexOf, layout, px, py, shown, box);
  const titles: TitleCache = new Map();
  const overlay = options.overlay?.(frameOf(index.indexOf, layout, px, py, shown, box, language, titles)) ?? {};
  const cardMarks = overlay.marks;
  const cards: string[] = [];
  for (let i = 0; i < n; i++) {
    if (shown(i)) cards.push(card(roles[i]!, index.assistant[i] === 1, px[i]!, py[i]!, language, marks.get(roles[i]!.id), layout.hiddenCount[i]!, titles, cardMarks?.get(roles[i]!.id)));
  }

  const hasChart = box.minX <= box.maxX;
  const chartW = hasChart ? box.maxX - box.minX : 0;
  const chartH = hasChart ? box.maxY - box.minY : 0;

  // Title block: the name in up to two lines, then period and date.
  const headerW = Math.max(chartW, MIN_HEADER_WIDTH);
  const name = displayText(doc.name);
  const nameLines = fitLines(name, headerW, NAME_SIZE, 2, true);
  const sub: string[] = [];
  const period = doc.period === undefined ? '' : displayText(doc.period);
  if (period) sub.push(`${labels.period}${labels.sep}${period}`);
  const date = dateText(options.date);
  if (date) sub.push(`${labels.date}${labels.sep}${date}`);
  const subLine = fitLine(sub.join(' · '), headerW, SUB_SIZE);
  const nameBottom = PAD + NAME_LINE * Math.max(1, nameLines.length);
  const legend = overlay.legend;
  const legendTop = nameBottom + (subLine ? SUB_SIZE + 8 : 0) + LEGEND_GAP;
  const headerBottom = legend ? legendTop + legend.height : legendTop - LEGEND_GAP;
  const textW = Math.max(0, ...nameLines.map((l) => textWidth(l, NAME_SIZE, true)), textWidth(subLine, SUB_SIZE), legend?.width ?? 0);

  const width = Math.ceil(Math.max(chartW, textW) + 2 * PAD);
  const height = Math.ceil(hasChart ? headerBottom + HEADER_GAP + chartH + PAD : headerBottom + PAD);
  const tx = hasChart ? round2(PAD - box.minX) : 0;
  const ty = hasChart ? round2(headerBottom + HEADER_GAP - box.minY) : 0;

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(SVG_FONT_STACK)}" role="img">\n`,
    `<title>${escapeXml(name)}</title>\n`,
  ];
  if (options.background !== 'transparent') out.push(`<rect class="background" width="${width}" height="${height}" fill="#ffffff"/>\n`);
  out.push('<g class="title-block">');
  nameLines.forEach((line, k) => out.push(`<text x="${PAD}" y="${PAD + NAME_LINE * k + NAME_SIZE}" font-size="${NAME_SIZE}" font-weight="600" fill="#1d2733">${escapeXml(line)}</text>`));
  if (subLine) out.push(`<text x="${PAD}" y="${nameBottom + SUB_SIZE}" font-size="${SUB_SIZE}" fill="#5c6773">${escapeXml(subLine)}</text>`);
  out.push('</g>\n');
  if (legend) out.push(`<g class="legend" transform="translate(${PAD},${legendTop})">${legend.markup}</g>\n`);
  out.push(`<g class="chart" transform="translate(${tx},${ty})">\n`);
  // Lines first, so cards are drawn over them. Arrays are joined, not spread: 50,000 arguments would overflow the stack.
  const svg = [
    out.join(''),
    `<g class="reporting-lines" fill="none" stroke="${LINE_COLOUR}" stroke-width="1.5">\n${lines.join('')}</g>\n`,
    `<g class="dotted-lines" fill="none" stroke-width="1.25">\n${dotted.join('')}</g>\n`,
    overlay.beforeCards ?? '',
    `<g class="roles">\n${cards.join('')}</g>\n`,
    overlay.afterCards ?? '',
    '</g>\n</svg>\n',
  ].join('');
  return { svg, width, height };
}

/** The overlay's view of the picture: positions by id, the bounds, and the renderer's cards and routes. */
function frameOf(
  indexOf: ReadonlyMap<string, number>,
  layout: Layout,
  px: Float64Array,
  py: Float64Array,
  shown: (i: number) => boolean,
  box: Box,
  language: SvgLanguage,
  titles: TitleCache,
): SvgFrame {
  const { nodeWidth: w, nodeHeight: h, direction } = layout;
  const drawn = (id: string): number => {
    const i = indexOf.get(id);
    return i !== undefined && shown(i) ? i : -1;
  };
  return {
    language,
    direction,
    at(id) {
      const i = drawn(id);
      return i < 0 ? undefined : { x: px[i]!, y: py[i]! };
    },
    bounds: () => ({ ...box }),
    include(x, y, width, height) {
      grow(box, x, y);
      grow(box, x + width, y + height);
    },
    card(role, x, y, mark) {
      grow(box, x, y);
      grow(box, x + w, y + h);
      return card(role, false, x, y, language, undefined, 0, titles, mark);
    },
    reportingLine(managerId, reportId) {
      const m = drawn(managerId);
      const i = drawn(reportId);
      if (m < 0 || i < 0) return undefined;
      const [sx, sy] = exitPoint(px[m]!, py[m]!, w, h, direction);
      const [ex, ey] = entryPoint(px[i]!, py[i]!, w, h, Slot.row, direction);
      const points = routePoints(sx, sy, ex, ey, { slot: Slot.row, bus: null, direction });
      for (const [x, y] of points) grow(box, x, y);
      return pathOf(points);
    },
  };
}

/** Solid reporting lines between visible cards, routed as on the canvas: the planned route while neither card was moved by hand. */
function reportingLines(
  roles: readonly Role[],
  managerOf: Int32Array,
  layout: Layout,
  px: Float64Array,
  py: Float64Array,
  manual: Uint8Array,
  shown: (i: number) => boolean,
  box: Box,
): string[] {
  const out: string[] = [];
  const { nodeWidth: w, nodeHeight: h, direction } = layout;
  for (let i = 0; i < roles.length; i++) {
    const m = managerOf[i]!;
    // An external role is never drawn under its manager (it sits with the partners), as on the canvas.
    if (!shown(i) || !shown(m) || roles[i]!.external) continue;
    const planned = !manual[i] && !manual[m];
    const slot = planned ? layout.slot[i]! : Slot.row;
    const bus = planned && Number.isFinite(layout.bus[m]!) ? layout.bus[m]! : null;
    const [sx, sy] = exitPoint(px[m]!, py[m]!, w, h, direction);
    const [ex, ey] = entryPoint(px[i]!, py[i]!, w, h, slot, direction);
    const points = routePoints(sx, sy, ex, ey, { slot, bus, direction });
    for (const [x, y] of points) grow(box, x, y);
    out.push(`<path d="${pathOf(points)}"/>\n`);
  }
  return out;
}

/**
 * Dotted lines on the canvas's routes (routes.ts `dottedRoute`: from the side of the source
 * facing the target, an S-curve clear of the source card), dashed and coloured by kind as
 * on the canvas. Each path carries its dash, so a viewer counting dashed elements finds each.
 */
function dottedLines(
  roles: readonly Role[],
  indexOf: ReadonlyMap<string, number>,
  layout: Layout,
  px: Float64Array,
  py: Float64Array,
  shown: (i: number) => boolean,
  box: Box,
): string[] {
  const out: string[] = [];
  const { nodeWidth: w, nodeHeight: h } = layout;
  for (let i = 0; i < roles.length; i++) {
    const role = roles[i]!;
    if (!shown(i) || role.dottedLines.length === 0) continue;
    for (const line of role.dottedLines) {
      const t = indexOf.get(line.to);
      if (t === undefined || t === i || !shown(t)) continue;
      const curve = dottedRoute({ x: px[i]!, y: py[i]!, w, h }, { x: px[t]!, y: py[t]!, w, h });
      // The curve lies inside the hull of its control points.
      for (const [x, y] of curve) grow(box, x, y);
      const style = DOTTED_STYLES[line.kind];
      const kind = escapeXml(line.kind);
      out.push(
        `<path class="dotted dotted-${kind}" stroke="${style.colour}" stroke-dasharray="${style.dash}" data-from="${escapeXml(role.id)}" data-to="${escapeXml(line.to)}" data-kind="${kind}" d="${curvePath(curve)}"/>\n`,
      );
    }
  }
  return out;
}

/** A title's markup: the escaped full text for `<title>`, the fitted lines as tspans, and how many lines. */
interface TitleMarkup {
  readonly full: string;
  readonly tspans: string;
  readonly lines: number;
}

/** Per render: title markup by room and raw title, since pooled roles repeat their titles. */
type TitleCache = Map<number, Map<string, TitleMarkup>>;

function titleMarkup(raw: string, room: number, cache: TitleCache): TitleMarkup {
  // Keyed by room, then by the title itself: no key strings to build per card.
  let titles = cache.get(room);
  if (!titles) cache.set(room, (titles = new Map()));
  let markup = titles.get(raw);
  if (markup === undefined) {
    const title = displayText(raw);
    const lines = fitLines(title, room, TITLE_SIZE, 2, true);
    const tspans = lines.map((line, k) => (k === 0 ? `<tspan>${escapeXml(line)}</tspan>` : `<tspan x="${TEXT_X}" dy="${TITLE_LINE}">${escapeXml(line)}</tspan>`)).join('');
    markup = { full: escapeXml(title), tspans, lines: lines.length };
    titles.set(raw, markup);
  }
  return markup;
}

/** One role card: box, family bar, title (two lines at most), meta line, holder, finding badge, "+N" when collapsed, an overlay's mark. */
/** `assistant`: assistant(r) of model/facts.ts (marked, under an in-scope manager), which the rules count as one. */
function card(role: Role, assistant: boolean, x: number, y: number, language: SvgLanguage, marks: RoleFindings | undefined, hiddenCount: number, titles: TitleCache, mark?: CardMark): string {
  const labels = LABELS[language];
  const w = NODE_WIDTH;
  const room = w - TEXT_X - TEXT_RIGHT;
  // The badge takes room from the title.
  const count = marks ? String(marks.count) : '';
  const bw = marks ? Math.max(BADGE_H, textWidth(count, META_SIZE, true) + 8) : 0;
  const bx = w - TEXT_RIGHT - bw;
  const title = titleMarkup(localTitle(role, language), marks ? bx - BADGE_GAP - TEXT_X : room, titles);

  let out = `<g class="${cardClasses(role, assistant, hiddenCount > 0)}${mark ? ` ${mark.className}` : ''}" data-id="${escapeXml(role.id)}" transform="translate(${round2(x)},${round2(y)})"><title>${title.full}</title>${cardBox(role, assistant)}`;
  if (marks) {
    // Finding badge, top right: a circle for one digit, a pill for more.
    out +=
      `<g class="badge badge-${marks.worst}" data-severity="${marks.worst}"><title>${LABELS[language].badge(marks.count, marks.worst)}</title>` +
      `<rect x="${round2(bx)}" y="5" width="${round2(bw)}" height="${BADGE_H}" rx="${BADGE_H / 2}" fill="${SEVERITY_COLOURS[marks.worst]}"/>` +
      `<text x="${round2(bx + bw / 2)}" y="18.8" font-size="${META_SIZE}" font-weight="700" fill="#ffffff" text-anchor="middle">${count}</text></g>`;
  }
  out += `${role.external ? TITLE_OPEN_EXTERNAL : TITLE_OPEN}${title.tspans}</text>${title.lines > 1 ? META_OPEN_LOW : META_OPEN}`;

  // Meta line: family, level, pool size, openings (in the warning colour), in the words of the
  // card. When it is too wide the family gives way first, cut with an ellipsis as on the canvas
  // (or left out below MIN_FAMILY: the bar's colour says it), then the line itself is cut.
  const vacant = isVacant(role);
  const level = `${labels.level} ${role.level}`;
  const pooled = poolWords(role);
  const vacancy = vacancyWords(role, language);
  const rest = textWidth(level + pooled + vacancy, META_SIZE) + (pooled ? META_GAP : 0) + (vacancy ? META_GAP : 0);
  const familyRoom = room - rest - META_GAP;
  const family = familyRoom >= MIN_FAMILY ? escapeXml(fitLine(familyLabel(role.family, language), familyRoom, META_SIZE)) : '';
  if (family || rest <= room) {
    out += family ? `<tspan class="role-family">${family}</tspan><tspan dx="${META_GAP}">${level}</tspan>` : `<tspan>${level}</tspan>`;
    if (pooled) out += `<tspan dx="${META_GAP}">${pooled}</tspan>`;
    if (vacancy) out += `<tspan class="vacancy" dx="${META_GAP}" fill="${SEVERITY_COLOURS.warning}">${escapeXml(vacancy)}</tspan>`;
  } else {
    out += escapeXml(fitLine([level, pooled, vacancy].filter(Boolean).join(' · '), room, META_SIZE));
  }
  out += '</text>';

  // A vacant role without a holder shows an em dash.
  if (role.holder) out += `${HOLDER_OPEN}${escapeXml(fitLine(displayText(role.holder.name), room, HOLDER_SIZE))}</text>`;
  else if (vacant) out += `${HOLDER_OPEN}—</text>`;

  if (hiddenCount > 0) {
    const label = `+${hiddenCount}`;
    const pw = textWidth(label, META_SIZE) + 12;
    const h = NODE_HEIGHT;
    out +=
      `<g class="collapsed-count"><rect x="${round2(w / 2 - pw / 2)}" y="${h + PILL_BELOW - PILL_H}" width="${round2(pw)}" height="${PILL_H}" rx="${PILL_H / 2}" fill="#ffffff" stroke="#adb5bd"/>` +
      `<text x="${w / 2}" y="${h + PILL_BELOW - 4}" font-size="${META_SIZE}" fill="#1d2733" text-anchor="middle">${label}</text></g>`;
  }
  if (mark) out += mark.markup;
  return `${out}</g>\n`;
}

const META_GAP = 7;
/** Below this room the family's name is left out of the meta line rather than cut to a stub. */
const MIN_FAMILY = 40;
const TITLE_OPEN = `<text class="role-title" x="${TEXT_X}" y="18.5" font-size="${TITLE_SIZE}" font-weight="600" fill="#1d2733">`;
const TITLE_OPEN_EXTERNAL = TITLE_OPEN.replace('#1d2733', '#5c6773');
// Meta baseline below a title of one line, or of two.
const META_OPEN = `<text class="role-meta" x="${TEXT_X}" y="33.2" font-size="${META_SIZE}" fill="#5c6773">`;
const META_OPEN_LOW = META_OPEN.replace('33.2', String(round2(33.2 + TITLE_LINE)));
const HOLDER_OPEN = `<text class="role-holder" x="${TEXT_X}" y="${NODE_HEIGHT - 9}" font-size="${HOLDER_SIZE}" fill="#343a40">`;

// Card classes and boxes come in a few kinds (family × external × assistant): built once each.
const classCache = new Map<string, string[]>();
const boxCache = new Map<string, string[]>();

/** A cached string per family and up to four flags, without building a key string per card. */
function cached(cache: Map<string, string[]>, family: string, flags: number, make: () => string): string {
  let list = cache.get(family);
  if (!list) cache.set(family, (list = []));
  return (list[flags] ??= make());
}

function cardClasses(role: Role, assistant: boolean, collapsed: boolean): string {
  const flags = (role.external ? 1 : 0) | (assistant ? 2 : 0) | (collapsed ? 4 : 0);
  return cached(classCache, role.family, flags, () => `role family-${escapeXml(role.family)}${role.external ? ' external' : ''}${assistant ? ' assistant' : ''}${collapsed ? ' collapsed' : ''}`);
}

/** The card's box and family bar: white, light yellow for an assistant, grey with a dashed outline for an external role. */
function cardBox(role: Role, assistant: boolean): string {
  const flags = (role.external ? 1 : 0) | (assistant ? 2 : 0);
  return cached(boxCache, role.family, flags, () => {
    const fill = assistant ? '#fff9db' : role.external ? '#f8f9fa' : '#ffffff';
    return (
      `<rect class="card" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="6" fill="${fill}" stroke="#ced4da"${role.external ? ' stroke-dasharray="4 3"' : ''}/>` +
      `<path class="family-bar" d="${BAR_PATH}" fill="${FAMILY_COLOURS[role.family] ?? '#adb5bd'}"/>`
    );
  });
}

/** The 5px family bar along the card's left edge, rounded with the card's corners (rx 6). */
const BAR_PATH = `M5,0 H6 A6,6 0 0 0 0,6 V${NODE_HEIGHT - 6} A6,6 0 0 0 6,${NODE_HEIGHT} H5 Z`;

/** The date of the title block: a Date as its local yyyy-mm-dd, a string as given; today by default. */
function dateText(date: Date | string | undefined): string {
  if (typeof date === 'string') return displayText(date).slice(0, 40);
  const d = date ?? new Date();
  if (Number.isNaN(d.getTime())) return '';
  const pad = (v: number): string => String(v).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function grow(box: Box, x: number, y: number): void {
  if (x < box.minX) box.minX = x;
  if (x > box.maxX) box.maxX = x;
  if (y < box.minY) box.minY = y;
  if (y > box.maxY) box.maxY = y;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
