/**
 * The marked chart of a comparison (issue 18, "Export the comparison"): the proposal drawn
 * by the chart export's renderer (io/svg.ts, through its overlay hook, so cards, lines and
 * layout are the export's own), with the differences marked, and a legend under the title.
 *
 * - added, changed and moved roles get an outline and a badge on their top-left corner; a
 *   role both moved and changed gets both, one ring inside the other;
 * - a moved role's old reporting line is drawn faint and dashed from its old manager's card,
 *   when that manager is still drawn;
 * - a removed role is a ghost, a faded card with a dashed grey outline, where it was: in a
 *   free place beside its old manager when that manager is drawn, else in a "Removed" grid
 *   below the chart.
 *
 * The colours are the Okabe–Ito palette's, told apart by colour-blind readers, and no kind
 * is told by colour alone: each badge has its own shape and sign (circle "+", diamond "~",
 * square "↪", circle "−"), drawn as paths so that no font is needed, and ghosts are dashed.
 * Framework-free: it runs in Node (`org diff --svg`) and in the browser (ui/comparePicture.ts).
 */
import { NODE_HEIGHT, NODE_WIDTH } from '../layout/index.ts';
import { renderSvg, escapeXml, type CardMark, type SvgFrame, type SvgOptions, type SvgOverlay, type SvgResult } from '../io/svg.ts';
import { displayText, fitLine, textWidth } from '../io/svg-text.ts';
import type { OrgDocument, Role } from '../schema/v1.ts';
import type { ChangeKind, DocumentDiff } from './diff.ts';
import { CHANGE_COLOURS, CHANGE_KINDS, kindCounts } from './scene.ts';

export { CHANGE_COLOURS };

export interface CompareSvgOptions extends Omit<SvgOptions, 'overlay'> {
  /** The kinds of change marked and counted in the legend (the compare view's filter); default all four. */
  readonly kinds?: readonly ChangeKind[];
}


const WORDS = {
  en: {
    heading: (base: string) => `Changes from ${base}`,
    kinds: { added: 'Added', changed: 'Changed', moved: 'Moved (old line dashed)', removed: 'Removed (dashed ghost)' },
    removedRow: 'Removed',
    none: 'No kind of change shown',
  },
  'zh-CN': {
    heading: (base: string) => `相对于“${base}”的变更`,
    kinds: { added: '新增', changed: '变更', moved: '调动（虚线为原汇报线）', removed: '删除（虚线卡片）' },
    removedRow: '已删除',
    none: '未显示任何变更类型',
  },
} as const;

/** Outline width and how far each ring stands out of the card. */
const RING_WIDTH = 3;
const RING_OFFSETS = [3, 8] as const;
/** Badges: their size, the first one's centre (on the card's top edge, clear of the title) and the step between two. */
const BADGE = 18;
const BADGE_X = 16;
const BADGE_Y = -2;
const BADGE_STEP = 22;
/** How far marks reach outside a card, so that the picture holds them. */
const REACH = Math.max(RING_OFFSETS[1] + RING_WIDTH, BADGE / 2 - BADGE_Y + 2);
/** Space kept around a ghost placed beside a manager, and between ghosts in the Removed grid. */
const GHOST_GAP = 24;
/** How many places beside its old manager a ghost tries on each side before going to the grid. */
const BESIDE_TRIES = 6;
/** Between the chart and the Removed grid's heading. */
const GRID_TOP = 56;
const GRID_HEADING = 14;
/** The grid keeps at least this many columns, whatever the chart's width. */
const GRID_MIN_COLUMNS = 4;

/** Renders the proposal with the differences from the base marked; the same result as renderSvg. */
export function renderCompareSvg(base: OrgDocument, proposed: OrgDocument, diff: DocumentDiff, options: CompareSvgOptions = {}): SvgResult {
  const kinds = new Set(options.kinds ?? CHANGE_KINDS);
  const language = options.language === 'zh-CN' ? 'zh-CN' : 'en';
  const counts = kindCounts(diff);
  const overlay = (frame: SvgFrame): SvgOverlay => {
    const marks = new Map<string, CardMark>();
    const oldLines: string[] = [];
    const removed: Role[] = [];
    for (const change of diff.roles) {
      const shownKinds = change.kinds.filter((kind) => kinds.has(kind));
      if (shownKinds.length === 0) continue;
      if (shownKinds[0] === 'removed') {
        if (change.before) removed.push(change.before);
        continue;
      }
      const at = frame.at(change.id);
      // A role hidden in a collapsed team has no card to mark; the legend counts it still.
      if (!at) continue;
      // In CHANGE_KINDS order: a role moved and changed has the move's ring inside, the change's outside.
      const ordered = CHANGE_KINDS.filter((kind) => shownKinds.includes(kind));
      marks.set(change.id, markOf(ordered));
      frame.include(at.x - REACH, at.y - REACH, NODE_WIDTH + 2 * REACH, NODE_HEIGHT + 2 * REACH);
      const from = change.before?.reportsTo;
      if (ordered.includes('moved') && from) {
        const d = frame.reportingLine(from, change.id);
        if (d) oldLines.push(`<path class="old-line" data-from="${escapeXml(from)}" data-to="${escapeXml(change.id)}" d="${d}"/>\n`);
      }
    }
    const ghosts = placeGhosts(frame, proposed, removed, language);
    const beforeCards =
      (oldLines.length > 0 ? `<g class="old-reporting-lines" fill="none" stroke="${CHANGE_COLOURS.moved}" stroke-width="1.5" stroke-dasharray="6 4" opacity="0.6">\n${oldLines.join('')}</g>\n` : '') +
      ghosts.links;
    return { marks, beforeCards, afterCards: ghosts.cards, legend: legendOf(base.name, kinds, counts, language) };
  };
  return renderSvg(proposed, { ...options, overlay });
}

/** The rings and badges of a drawn role, one per kind, in CHANGE_KINDS order (the first ring nearest the card). */
function markOf(kinds: readonly ChangeKind[]): CardMark {
  let markup = '';
  kinds.forEach((kind, k) => {
    markup += ring(kind, RING_OFFSETS[Math.min(k, RING_OFFSETS.length - 1)]!, false);
  });
  kinds.forEach((kind, k) => {
    markup += badge(kind, BADGE_X + k * BADGE_STEP, BADGE_Y);
  });
  return { className: `change ${kinds.map((kind) => `change-${kind}`).join(' ')}`, markup };
}

/** An outline around the card, `offset` px out of it; dashed for a ghost. */
function ring(kind: ChangeKind, offset: number, dashed: boolean): string {
  return (
    `<rect class="change-ring change-ring-${kind}" x="${-offset}" y="${-offset}" width="${NODE_WIDTH + 2 * offset}" height="${NODE_HEIGHT + 2 * offset}" rx="${6 + offset}" ` +
    `fill="none" stroke="${CHANGE_COLOURS[kind]}" stroke-width="${RING_WIDTH}"${dashed ? ' stroke-dasharray="8 5"' : ''}/>`
  );
}

/** A kind's badge centred at (cx, cy): its own shape and sign, both paths (the card's class names the kind). */
function badge(kind: ChangeKind, cx: number, cy: number): string {
  const colour = CHANGE_COLOURS[kind];
  const r = BADGE / 2;
  const at = (dx: number, dy: number) => `${cx + dx},${cy + dy}`;
  let shape: string;
  let glyph: string;
  // The sign is dark on orange (white would be too faint on it), white on the others.
  let ink = '#ffffff';
  switch (kind) {
    case 'added':
      shape = `<circle cx="${cx}" cy="${cy}" r="${r}"/>`;
      glyph = `M${at(-5, 0)} H${cx + 5} M${at(0, -5)} V${cy + 5}`;
      break;
    case 'changed':
      shape = `<path d="M${at(0, -r - 1.5)} L${at(r + 1.5, 0)} L${at(0, r + 1.5)} L${at(-r - 1.5, 0)} Z"/>`;
      glyph = `M${at(-5, 1.5)} C${at(-3.5, -2.5)} ${at(-1.5, -2.5)} ${at(0, 0)} S${at(3.5, 2.5)} ${at(5, -1.5)}`;
      ink = '#1d2733';
      break;
    case 'moved':
      shape = `<rect x="${cx - r}" y="${cy - r}" width="${BADGE}" height="${BADGE}" rx="3"/>`;
      // ↪, as the compare view's badge: a hooked tail, then the arrow to the right.
      glyph = `M${at(-2, -5)} A3,3 0 0 0 ${at(-2, 1)} H${cx + 5} M${at(2, -2)} L${at(5, 1)} L${at(2, 4)}`;
      break;
    case 'removed':
      shape = `<circle cx="${cx}" cy="${cy}" r="${r}"/>`;
      glyph = `M${at(-5, 0)} H${cx + 5}`;
      break;
  }
  return (
    `<g class="change-badge change-badge-${kind}" data-kind="${kind}"><g fill="${colour}" stroke="#ffffff" stroke-width="1.5">${shape}</g>` +
    `<path d="${glyph}" fill="none" stroke="${ink}" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/></g>`
  );
}

/** A removed role's card: faded, a dashed grey outline and the "−" badge. */
const GHOST_MARK: CardMark = {
  className: 'change change-removed ghost',
  markup:
    `<rect class="ghost-veil" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="6" fill="#f1f3f5" opacity="0.6"/>` +
    ring('removed', RING_OFFSETS[0], true) +
    badge('removed', BADGE_X, BADGE_Y),
};

/**
 * Places the ghosts: beside the old manager in the first free place along the breadth axis
 * (right then left, TB; below then above, LR), checked against every drawn card and the
 * ghosts placed so far through a grid of buckets (constant time per check); else, and for
 * a role whose manager is gone or hidden, in the Removed grid below the chart.
 */
function placeGhosts(frame: SvgFrame, proposed: OrgDocument, removed: readonly Role[], language: 'en' | 'zh-CN'): { readonly cards: string; readonly links: string } {
  if (removed.length === 0) return { cards: '', links: '' };
  const taken = new Buckets();
  for (const role of proposed.roles) {
    const at = frame.at(role.id);
    if (at) taken.add(at.x, at.y);
  }
  const lr = frame.direction === 'LR';
  const pitch = (lr ? NODE_HEIGHT : NODE_WIDTH) + GHOST_GAP;
  const cards: string[] = [];
  const links: string[] = [];
  const homeless: Role[] = [];
  for (const role of removed) {
    const manager = role.reportsTo === null ? undefined : frame.at(role.reportsTo);
    let spot: { x: number; y: number } | undefined;
    if (manager) {
      for (let k = 1; k <= BESIDE_TRIES && !spot; k++) {
        for (const side of [1, -1]) {
          const x = lr ? manager.x : manager.x + side * k * pitch;
          const y = lr ? manager.y + side * k * pitch : manager.y;
          if (taken.free(x, y)) {
            spot = { x, y };
            break;
          }
        }
      }
    }
    if (!manager || !spot) {
      homeless.push(role);
      continue;
    }
    taken.add(spot.x, spot.y);
    cards.push(frame.card(role, spot.x, spot.y, GHOST_MARK));
    frame.include(spot.x - REACH, spot.y - REACH, NODE_WIDTH + 2 * REACH, NODE_HEIGHT + 2 * REACH);
    // A thin dashed link from the old manager's side to the ghost's, under the cards.
    const [x1, y1, x2, y2] = lr
      ? [manager.x + NODE_WIDTH / 2, spot.y > manager.y ? manager.y + NODE_HEIGHT : manager.y, spot.x + NODE_WIDTH / 2, spot.y > manager.y ? spot.y : spot.y + NODE_HEIGHT]
      : [spot.x > manager.x ? manager.x + NODE_WIDTH : manager.x, manager.y + NODE_HEIGHT / 2, spot.x > manager.x ? spot.x : spot.x + NODE_WIDTH, spot.y + NODE_HEIGHT / 2];
    links.push(`<path class="ghost-link" data-from="${escapeXml(role.reportsTo!)}" data-to="${escapeXml(role.id)}" d="M${x1},${y1} L${x2},${y2}"/>\n`);
  }
  if (homeless.length > 0) {
    // The grid starts under everything drawn so far, beside ghosts included, as wide as the chart.
    const b = frame.bounds();
    const hasChart = b.minX <= b.maxX;
    const left = hasChart ? b.minX : 0;
    const top = (hasChart ? b.maxY : 0) + GRID_TOP;
    const step = NODE_WIDTH + GHOST_GAP;
    const columns = Math.max(GRID_MIN_COLUMNS, Math.floor(((hasChart ? b.maxX - b.minX : 0) + GHOST_GAP) / step));
    const heading = `${WORDS[language].removedRow} (${homeless.length})`;
    cards.push(`<text class="removed-heading" x="${left}" y="${top - GRID_HEADING}" font-size="14" font-weight="600" fill="#495057">${escapeXml(heading)}</text>\n`);
    frame.include(left, top - GRID_HEADING - 14, textWidth(heading, 14, true), 14);
    homeless.forEach((role, k) => {
      const x = left + (k % columns) * step;
      const y = top + Math.floor(k / columns) * (NODE_HEIGHT + GHOST_GAP);
      cards.push(frame.card(role, x, y, GHOST_MARK));
      frame.include(x - REACH, y - REACH, NODE_WIDTH + 2 * REACH, NODE_HEIGHT + 2 * REACH);
    });
  }
  return {
    cards: `<g class="ghosts">\n${cards.join('')}</g>\n`,
    links: links.length > 0 ? `<g class="ghost-links" fill="none" stroke="${CHANGE_COLOURS.removed}" stroke-width="1.25" stroke-dasharray="4 4">\n${links.join('')}</g>\n` : '',
  };
}

/** Occupied card places, bucketed by card-sized cells: a card overlaps at most four cells. */
class Buckets {
  private readonly cells = new Map<string, { x: number; y: number }[]>();
  private static readonly W = NODE_WIDTH + GHOST_GAP;
  private static readonly H = NODE_HEIGHT + GHOST_GAP;

  add(x: number, y: number): void {
    for (const key of this.keys(x, y)) {
      let list = this.cells.get(key);
      if (!list) this.cells.set(key, (list = []));
      list.push({ x, y });
    }
  }

  /** Whether a card at (x, y), with GHOST_GAP around it, overlaps no card added. */
  free(x: number, y: number): boolean {
    for (const key of this.keys(x, y)) {
      for (const c of this.cells.get(key) ?? []) {
        if (Math.abs(c.x - x) < Buckets.W && Math.abs(c.y - y) < Buckets.H) return false;
      }
    }
    return true;
  }

  private keys(x: number, y: number): string[] {
    const i = Math.floor(x / Buckets.W);
    const j = Math.floor(y / Buckets.H);
    return [`${i},${j}`, `${i + 1},${j}`, `${i},${j + 1}`, `${i + 1},${j + 1}`];
  }
}

const LEGEND_PAD = 12;
const LEGEND_HEADING = 13;
const LEGEND_ROW = 26;
const LEGEND_TEXT = 12;
/** The swatch: a small card with the kind's ring and badge. */
const SWATCH_W = 34;
const SWATCH_H = 16;
/** The base's name in the heading is cut to this width. */
const LEGEND_MAX_WIDTH = 560;

/** The legend: which base the picture compares with, then each kind shown with its swatch, its words and its count. */
function legendOf(baseName: string, kinds: ReadonlySet<ChangeKind>, counts: Readonly<Record<ChangeKind, number>>, language: 'en' | 'zh-CN'): NonNullable<SvgOverlay['legend']> {
  const words = WORDS[language];
  const heading = fitLine(words.heading(displayText(baseName)), LEGEND_MAX_WIDTH, LEGEND_HEADING, true);
  const shown = CHANGE_KINDS.filter((kind) => kinds.has(kind));
  const rows: string[] = [];
  let width = textWidth(heading, LEGEND_HEADING, true);
  let y = LEGEND_PAD + LEGEND_HEADING + 8;
  for (const kind of shown) {
    const label = `${words.kinds[kind]}: ${counts[kind]}`;
    width = Math.max(width, SWATCH_W + 14 + textWidth(label, LEGEND_TEXT));
    const colour = CHANGE_COLOURS[kind];
    const sy = y + (LEGEND_ROW - SWATCH_H) / 2;
    rows.push(
      `<g class="legend-entry legend-${kind}" data-kind="${kind}" data-count="${counts[kind]}">` +
        `<rect x="${LEGEND_PAD + 2}" y="${sy}" width="${SWATCH_W - 4}" height="${SWATCH_H}" rx="3" fill="${kind === 'removed' ? '#f1f3f5' : '#ffffff'}" stroke="${colour}" stroke-width="2.5"${kind === 'removed' ? ' stroke-dasharray="5 3"' : ''}/>` +
        badge(kind, LEGEND_PAD + SWATCH_W - 4, sy + SWATCH_H / 2) +
        `<text x="${LEGEND_PAD + SWATCH_W + 14}" y="${y + LEGEND_ROW / 2 + 4}" font-size="${LEGEND_TEXT}" fill="#1d2733">${escapeXml(label)}</text></g>`,
    );
    y += LEGEND_ROW;
  }
  if (shown.length === 0) {
    rows.push(`<text x="${LEGEND_PAD}" y="${y + LEGEND_ROW / 2 + 4}" font-size="${LEGEND_TEXT}" fill="#5c6773">${escapeXml(words.none)}</text>`);
    width = Math.max(width, textWidth(words.none, LEGEND_TEXT));
    y += LEGEND_ROW;
  }
  const w = Math.ceil(width + 2 * LEGEND_PAD);
  const h = Math.ceil(y + LEGEND_PAD - 4);
  return {
    width: w,
    height: h,
    markup:
      `<rect class="legend-box" width="${w}" height="${h}" rx="6" fill="#ffffff" stroke="#adb5bd"/>` +
      `<text class="legend-heading" x="${LEGEND_PAD}" y="${LEGEND_PAD + LEGEND_HEADING}" font-size="${LEGEND_HEADING}" font-weight="600" fill="#1d2733">${escapeXml(heading)}</text>` +
      rows.join(''),
  };
}
