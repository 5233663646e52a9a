/**
 * The marked chart of a comparison (issue 18, point 3; src/compare/svg.ts): the proposal as
 * the chart export draws it, each kind of change marked with its ring and badge, the old
 * reporting line of a moved role, removed roles as ghosts beside their old manager or in the
 * Removed grid, the legend's counts in English and Chinese, the filter of kinds, and XML
 * that the SVG tests' strict checker accepts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffDocuments, type ChangeKind } from '../../src/compare/diff.ts';
import { CHANGE_COLOURS, renderCompareSvg, type CompareSvgOptions } from '../../src/compare/svg.ts';
import { renderSvg } from '../../src/io/svg.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../../src/layout/index.ts';
import { addRole, moveRole, removeRoles } from '../../src/model/commands.ts';
import { updateRole } from '../../src/model/field-commands.ts';
import { generateOrg } from '../../src/model/generate.ts';
import { parseDocument } from '../../src/schema/parse.ts';
import type { OrgDocument } from '../../src/schema/v1.ts';
import { comparePicture } from '../../src/ui/comparePicture.ts';
import { documentPicture } from '../../src/ui/exportPicture.ts';
import { docOf } from '../helpers/doc.ts';
import { childWithClass, elements, hasClass, parseXml, textOf, type XmlElement } from '../helpers/xml.ts';

const DATE = '2026-05-01';

const done = (result: { ok: true; doc: OrgDocument } | { ok: false; reason: string }): OrgDocument => {
  if (!result.ok) throw new Error(result.reason);
  return result.doc;
};

const parsed = parseDocument(readFileSync(new URL('../../presets/china-account-management.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error(parsed.error.message);
const base = parsed.doc;
// The scenario: move an AM, add a lead, remove a role, change a salary.
let edited = done(moveRole(base, 'am-east-1', 'lead-north'));
edited = done(addRole(edited, { role: { id: 'lead-west', title: 'AM Lead West', titles: { 'zh-CN': '西区主管' }, family: 'am-lead', level: 4 }, reportsTo: 'head-cn' }));
edited = done(removeRoles(edited, ['am-south-6']));
edited = done(updateRole(edited, 'sam-east-2', { salary: { min: 600000, max: 800000 } }));
const proposed = edited;

interface Picture {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly all: XmlElement[];
  /** Drawn cards (ghosts too), by data-id. */
  readonly cards: Map<string, XmlElement>;
  /** Where each card is, in picture coordinates. */
  readonly at: Map<string, { x: number; y: number }>;
  readonly legend: XmlElement;
}

const translateOf = (el: XmlElement): [number, number] => {
  const m = /^translate\((-?[\d.e+-]+),(-?[\d.e+-]+)\)$/.exec(el.attrs.get('transform') ?? '');
  if (!m) throw new Error(`no translate on <${el.name}>`);
  return [Number(m[1]), Number(m[2])];
};

function picture(a: OrgDocument, b: OrgDocument, options: CompareSvgOptions = {}): Picture {
  const result = renderCompareSvg(a, b, diffDocuments(a, b), { date: DATE, ...options });
  const root = parseXml(result.svg);
  const all = elements(root);
  const [cx, cy] = translateOf(all.find((el) => hasClass(el, 'chart'))!);
  const cards = new Map<string, XmlElement>();
  const at = new Map<string, { x: number; y: number }>();
  for (const el of all) {
    if (el.name !== 'g' || !hasClass(el, 'role')) continue;
    const id = el.attrs.get('data-id')!;
    expect(cards.has(id), `${id} drawn twice`).toBe(false);
    cards.set(id, el);
    const [x, y] = translateOf(el);
    at.set(id, { x: cx + x, y: cy + y });
  }
  expect(root.attrs.get('viewBox')).toBe(`0 0 ${result.width} ${result.height}`);
  // Every card, ghosts and their marks too, is inside the picture.
  for (const [id, p] of at) {
    expect(p.x >= 10 && p.y >= 10 && p.x + NODE_WIDTH <= result.width - 10 && p.y + NODE_HEIGHT <= result.height - 10, `${id} at ${p.x},${p.y} in ${result.width}×${result.height}`).toBe(true);
  }
  return { ...result, all, cards, at, legend: all.find((el) => el.name === 'g' && hasClass(el, 'legend'))! };
}

const kindsOf = (card: XmlElement): string[] => ['added', 'removed', 'moved', 'changed'].filter((kind) => hasClass(card, `change-${kind}`));
const badges = (card: XmlElement): string[] => card.children.filter((c): c is XmlElement => typeof c !== 'string' && hasClass(c, 'change-badge')).map((c) => c.attrs.get('data-kind')!);
const rings = (card: XmlElement): XmlElement[] => card.children.filter((c): c is XmlElement => typeof c !== 'string' && hasClass(c, 'change-ring'));
const legendCounts = (p: Picture): Record<string, number> =>
  Object.fromEntries(p.all.filter((el) => hasClass(el, 'legend-entry')).map((el) => [el.attrs.get('data-kind')!, Number(el.attrs.get('data-count'))]));
const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT;

describe('renderCompareSvg', () => {
  it('draws the proposal as the chart export does: the same cards at the same places', () => {
    const p = picture(base, proposed);
    const plain = parseXml(renderSvg(proposed, { date: DATE }).svg);
    const plainCards = elements(plain).filter((el) => el.name === 'g' && hasClass(el, 'role'));
    const drawn = [...p.cards.values()].filter((card) => !hasClass(card, 'ghost'));
    expect(drawn.map((card) => card.attrs.get('data-id'))).toEqual(plainCards.map((card) => card.attrs.get('data-id')));
    // Positions in the chart's coordinates are the export's; the cards' own content is too.
    expect(drawn.map((card) => translateOf(card))).toEqual(plainCards.map((card) => translateOf(card)));
    expect(drawn.map((card) => textOf(childWithClass(card, 'role-title')!))).toEqual(plainCards.map((card) => textOf(childWithClass(card, 'role-title')!)));
    const lines = (all: XmlElement[]) => all.find((el) => hasClass(el, 'reporting-lines'))!.children.filter((c): c is XmlElement => typeof c !== 'string').map((c) => c.attrs.get('d'));
    expect(lines(p.all)).toEqual(lines(elements(plain)));
    expect(textOf(p.all.find((el) => hasClass(el, 'title-block'))!)).toBe(textOf(elements(plain).find((el) => hasClass(el, 'title-block'))!));
  });

  it('marks every kind with its ring and badge, and counts each in the legend', () => {
    const p = picture(base, proposed);
    const marked = new Map([...p.cards].filter(([, card]) => hasClass(card, 'change')).map(([id, card]) => [id, kindsOf(card)]));
    expect(marked).toEqual(
      new Map([
        ['am-east-1', ['moved']],
        ['sam-east-2', ['changed']],
        ['lead-west', ['added']],
        ['am-south-6', ['removed']],
      ]),
    );
    for (const [id, kind] of [['lead-west', 'added'], ['am-east-1', 'moved'], ['sam-east-2', 'changed'], ['am-south-6', 'removed']] as const) {
      const card = p.cards.get(id)!;
      expect(badges(card), id).toEqual([kind]);
      expect(rings(card).map((r) => r.attrs.get('stroke')), id).toEqual([CHANGE_COLOURS[kind]]);
    }
    expect(legendCounts(p)).toEqual({ added: 1, removed: 1, moved: 1, changed: 1 });
    const legend = textOf(p.legend);
    expect(legend).toContain('Changes from China Account Management');
    for (const words of ['Added: 1', 'Removed (dashed ghost): 1', 'Moved (old line dashed): 1', 'Changed: 1']) expect(legend).toContain(words);
    // The legend is under the title block and above the chart.
    const [, legendY] = translateOf(p.legend);
    const [, chartY] = translateOf(p.all.find((el) => hasClass(el, 'chart'))!);
    const box = p.legend.children.find((c): c is XmlElement => typeof c !== 'string' && hasClass(c, 'legend-box'))!;
    expect(legendY + Number(box.attrs.get('height'))).toBeLessThan(chartY);
    // Unchanged roles are not marked.
    expect(p.cards.get('head-cn')!.attrs.get('class')).not.toContain('change');
  });

  it('tells the kinds apart without colour: each badge has its own shape and sign', () => {
    const p = picture(base, proposed);
    const shapeOf = (id: string) => {
      const badge = p.cards.get(id)!.children.find((c): c is XmlElement => typeof c !== 'string' && hasClass(c, 'change-badge'))!;
      const [shape, sign] = badge.children.filter((c): c is XmlElement => typeof c !== 'string');
      const outline = shape!.children.find((c): c is XmlElement => typeof c !== 'string')!;
      return `${outline.name}:${outline.attrs.get('rx') ?? ''}:${outline.attrs.get('d')?.split(' ').length ?? ''}|${sign!.attrs.get('d')!.replace(/[\d.,-]+/g, '')}`;
    };
    const shapes = ['lead-west', 'am-south-6', 'am-east-1', 'sam-east-2'].map(shapeOf);
    expect(new Set(shapes.map((s) => s.split('|')[1])).size).toBe(4);
    expect(new Set(shapes.map((s) => s.split('|')[0])).size).toBeGreaterThanOrEqual(3);
    // The ghost's outline is dashed, the others' solid.
    expect(rings(p.cards.get('am-south-6')!)[0]!.attrs.get('stroke-dasharray')).toBeDefined();
    for (const id of ['lead-west', 'am-east-1', 'sam-east-2']) expect(rings(p.cards.get(id)!)[0]!.attrs.has('stroke-dasharray')).toBe(false);
  });

  it('draws the old reporting line of a moved role, faint and dashed, from its old manager', () => {
    const p = picture(base, proposed);
    const group = p.all.find((el) => hasClass(el, 'old-reporting-lines'))!;
    expect(group.attrs.get('stroke-dasharray')).toBe('6 4');
    expect(Number(group.attrs.get('opacity'))).toBeLessThan(1);
    const paths = group.children.filter((c): c is XmlElement => typeof c !== 'string');
    expect(paths.map((path) => [path.attrs.get('data-from'), path.attrs.get('data-to')])).toEqual([['lead-east', 'am-east-1']]);
    // From the middle of the old manager's bottom edge to the middle of the role's top edge (TB).
    const [cx, cy] = translateOf(p.all.find((el) => hasClass(el, 'chart'))!);
    const points = [...paths[0]!.attrs.get('d')!.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => ({ x: Number(m[1]) + cx, y: Number(m[2]) + cy }));
    const from = p.at.get('lead-east')!;
    const to = p.at.get('am-east-1')!;
    expect(points[0]).toEqual({ x: from.x + NODE_WIDTH / 2, y: from.y + NODE_HEIGHT });
    expect(points.at(-1)).toEqual({ x: to.x + NODE_WIDTH / 2, y: to.y });
    // Drawn before the cards, so the cards cover it.
    const order = p.all.map((el) => el.attrs.get('class'));
    expect(order.indexOf('old-reporting-lines')).toBeLessThan(order.indexOf('roles'));
  });

  it('places a removed role as a ghost beside its old manager, clear of every card', () => {
    const p = picture(base, proposed);
    const ghost = p.cards.get('am-south-6')!;
    expect(hasClass(ghost, 'ghost')).toBe(true);
    expect(textOf(ghost)).toContain(base.roles.find((r) => r.id === 'am-south-6')!.title);
    const spot = p.at.get('am-south-6')!;
    const manager = p.at.get('lead-south')!;
    expect(spot.y).toBe(manager.y);
    expect(Math.abs(spot.x - manager.x)).toBeLessThanOrEqual(6 * (NODE_WIDTH + 24));
    for (const [id, at] of p.at) if (id !== 'am-south-6') expect(overlaps(at, spot), `ghost over ${id}`).toBe(false);
    const link = p.all.find((el) => hasClass(el, 'ghost-link'))!;
    expect([link.attrs.get('data-from'), link.attrs.get('data-to')]).toEqual(['lead-south', 'am-south-6']);
    expect(p.all.some((el) => hasClass(el, 'removed-heading'))).toBe(false);
  });

  it('puts a removed role whose manager is gone in the Removed grid below the chart', () => {
    const cut = done(removeRoles(base, ['lead-south', 'am-south-6']));
    const p = picture(base, cut);
    const heading = p.all.find((el) => hasClass(el, 'removed-heading'))!;
    expect(textOf(heading)).toBe('Removed (1)');
    // lead-south's manager is still there: its ghost is beside it; am-south-6's is in the grid, under every card.
    const beside = p.at.get('lead-south')!;
    expect(beside.y).toBe(p.at.get('head-cn')!.y);
    const inGrid = p.at.get('am-south-6')!;
    for (const [id, at] of p.at) if (id !== 'am-south-6') expect(inGrid.y, id).toBeGreaterThan(at.y + NODE_HEIGHT);
    expect(legendCounts(p).removed).toBe(2);
    expect(picture(base, cut, { language: 'zh-CN' }).all.some((el) => hasClass(el, 'removed-heading') && textOf(el) === '已删除 (1)')).toBe(true);
  });

  it('marks a role moved and changed with both rings and both badges', () => {
    const both = done(updateRole(proposed, 'am-east-1', { level: 3 }));
    const card = picture(base, both).cards.get('am-east-1')!;
    expect(kindsOf(card)).toEqual(['moved', 'changed']);
    expect(badges(card)).toEqual(['moved', 'changed']);
    expect(rings(card).map((r) => r.attrs.get('stroke'))).toEqual([CHANGE_COLOURS.moved, CHANGE_COLOURS.changed]);
    expect(Number(rings(card)[1]!.attrs.get('width'))).toBeGreaterThan(Number(rings(card)[0]!.attrs.get('width')));
  });

  it('marks and counts only the kinds the filter shows', () => {
    const only = (kinds: ChangeKind[]) => picture(base, proposed, { kinds });
    const moved = only(['moved']);
    expect([...moved.cards].filter(([, c]) => hasClass(c, 'change')).map(([id]) => id)).toEqual(['am-east-1']);
    expect(moved.cards.has('am-south-6')).toBe(false);
    expect(moved.all.some((el) => hasClass(el, 'old-line'))).toBe(true);
    expect(legendCounts(moved)).toEqual({ moved: 1 });

    const removedAndAdded = only(['removed', 'added']);
    expect([...removedAndAdded.cards].filter(([, c]) => hasClass(c, 'change')).map(([id]) => id)).toEqual(['lead-west', 'am-south-6']);
    expect(removedAndAdded.all.some((el) => hasClass(el, 'old-line'))).toBe(false);
    expect(legendCounts(removedAndAdded)).toEqual({ added: 1, removed: 1 });

    // A role moved and changed, with only changes shown, is marked as changed.
    const both = done(updateRole(proposed, 'am-east-1', { level: 3 }));
    const changed = picture(base, both, { kinds: ['changed'] });
    expect(kindsOf(changed.cards.get('am-east-1')!)).toEqual(['changed']);
    expect(changed.all.some((el) => hasClass(el, 'old-line'))).toBe(false);

    const none = only([]);
    expect([...none.cards.values()].some((c) => hasClass(c, 'change'))).toBe(false);
    expect(legendCounts(none)).toEqual({});
    expect(textOf(none.legend)).toContain('No kind of change shown');
  });

  it('writes the legend in Chinese', () => {
    const p = picture(base, proposed, { language: 'zh-CN' });
    const legend = textOf(p.legend);
    expect(legend).toContain('相对于“China Account Management”的变更');
    for (const words of ['新增: 1', '删除（虚线卡片）: 1', '调动（虚线为原汇报线）: 1', '变更: 1']) expect(legend).toContain(words);
    expect(textOf(p.cards.get('lead-west')!)).toContain('西区主管');
  });

  it('counts roles hidden in a collapsed team in the legend without marking them', () => {
    const collapsed = { ...proposed, view: { ...proposed.view, collapsed: ['lead-north'] } };
    const p = picture(base, collapsed);
    expect(p.cards.has('am-east-1')).toBe(false);
    expect(p.all.some((el) => hasClass(el, 'old-line'))).toBe(false);
    expect(legendCounts(p).moved).toBe(1);
  });

  it('keeps ghosts clear of the cards and of each other when many roles are removed', () => {
    const big = generateOrg({ roles: 400, seed: 3 });
    const managers = new Set(big.roles.map((r) => r.reportsTo));
    const leaves = big.roles.filter((r) => !managers.has(r.id) && r.reportsTo !== null).filter((_, k) => k % 7 === 0).map((r) => r.id);
    expect(leaves.length).toBeGreaterThan(20);
    for (const direction of ['TB', 'LR'] as const) {
      const a = { ...big, view: { ...big.view, direction } };
      const b = done(removeRoles(a, leaves));
      const p = picture(a, b);
      expect([...p.cards.values()].filter((c) => hasClass(c, 'ghost')).map((c) => c.attrs.get('data-id')).sort()).toEqual([...leaves].sort());
      const placed = [...p.at];
      for (let i = 0; i < placed.length; i++) {
        for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]![1], placed[j]![1]), `${placed[i]![0]} over ${placed[j]![0]}`).toBe(false);
      }
    }
  });

  it('renders an empty base, an empty proposal and hostile names as well-formed XML', () => {
    const empty = docOf([], { name: 'Nothing' });
    const all = picture(empty, base);
    expect(legendCounts(all).added).toBe(base.roles.length);
    const gone = picture(base, empty);
    expect([...gone.cards.values()].every((c) => hasClass(c, 'ghost'))).toBe(true);
    expect(gone.cards.size).toBe(base.roles.length);
    const hostile = { ...base, name: '<script>alert(1)</script> ]]> \u0001' };
    const p = picture(hostile, proposed);
    expect(p.svg).not.toMatch(/<script/);
    expect(textOf(p.legend)).toContain('<script>alert(1)</script>');
  });
});

describe('comparePicture (the export dialog\u2019s source for the compare view)', () => {
  it('draws the marked chart with the dialog\u2019s choices and the view\u2019s filter', () => {
    const diff = diffDocuments(base, proposed);
    const choices = { language: 'zh-CN', includeFindings: false, background: 'transparent', date: DATE } as const;
    const source = comparePicture(base, proposed, diff, { kinds: ['added', 'moved'] });
    expect(source.name).toBe('China Account Management → China Account Management');
    expect(source.draw(choices)).toEqual(renderCompareSvg(base, proposed, diff, { ...choices, kinds: ['added', 'moved'] }));
    expect(comparePicture(base, proposed, diff).draw(choices)).toEqual(renderCompareSvg(base, proposed, diff, choices));
    // The chart export's own source is unchanged: the document's chart.
    expect(documentPicture(proposed).draw(choices)).toEqual(renderSvg(proposed, choices));
  });
});
