import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderSvg, escapeXml, SVG_FONT_STACK, type SvgOptions } from '../../src/io/svg.ts';
import { displayText, fitLines, stripForbidden, textWidth } from '../../src/io/svg-text.ts';
import { parseDocument } from '../../src/schema/parse.ts';
import { buildTreeIndex } from '../../src/model/tree.ts';
import { generateOrg } from '../../src/model/generate.ts';
import { layoutDocument, NODE_HEIGHT, NODE_WIDTH, Slot } from '../../src/layout/index.ts';
import { entryPoint, exitPoint, pathOf, routePoints } from '../../src/layout/routes.ts';
import { checkDocument } from '../../src/rules/engine.ts';
import { findingsByRole } from '../../src/rules/types.ts';
import type { OrgDocument } from '../../src/schema/v1.ts';
import { chainOf, docOf } from '../helpers/doc.ts';
import { child, childWithClass, classes, elements, hasClass, isXmlChar, parseXml, textOf, type XmlElement } from '../helpers/xml.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const DATE = '2026-05-01';
/** The families as cards name them in English. */
const FAMILY_WORDS: Record<string, string> = { 'head-am': 'Head of AM', 'am-lead': 'AM Lead', 'senior-am': 'Senior AM', am: 'Account Manager', 'am-ops': 'AM Operations', other: 'Other' };

interface Rendered {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly root: XmlElement;
  readonly all: XmlElement[];
  /** Role groups by data-id. */
  readonly roles: Map<string, XmlElement>;
}

function render(doc: OrgDocument, options: SvgOptions = {}): Rendered {
  const result = renderSvg(doc, { date: DATE, ...options });
  const rootElement = parseXml(result.svg);
  const all = elements(rootElement);
  const roles = new Map<string, XmlElement>();
  for (const el of all) {
    if (el.name === 'g' && hasClass(el, 'role')) {
      const id = el.attrs.get('data-id')!;
      expect(roles.has(id), `role ${id} drawn twice`).toBe(false);
      roles.set(id, el);
    }
  }
  return { ...result, root: rootElement, all, roles };
}

const translateOf = (el: XmlElement): [number, number] => {
  const m = /^translate\((-?[\d.e+-]+),(-?[\d.e+-]+)\)$/.exec(el.attrs.get('transform') ?? '');
  expect(m, `transform of ${el.name}`).not.toBeNull();
  return [Number(m![1]), Number(m![2])];
};

const groupOf = (r: Rendered, name: string) => r.all.find((el) => el.name === 'g' && hasClass(el, name))!;

/** Independent of the renderer's escaping: the XML text of a string that has nothing forbidden in it. */
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

function loadDoc(text: string): OrgDocument {
  const result = parseDocument(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.doc;
}

const presetFiles = readdirSync(join(root, 'presets')).filter((f) => f.endsWith('.json')).sort();
const preset = (name: string) => loadDoc(readFileSync(join(root, 'presets', name), 'utf8'));

/** The reporting lines the canvas draws (OverviewLayer / flow.ts): planned routes unless a card was moved by hand. */
function expectedReportingPaths(doc: OrgDocument): string[] {
  const index = buildTreeIndex(doc);
  const layout = layoutDocument(doc, index);
  const manual = doc.view.positions;
  const at = (i: number) => {
    const id = doc.roles[i]!.id;
    const p = Object.hasOwn(manual, id) ? manual[id] : undefined;
    return { x: p?.x ?? layout.x[i]!, y: p?.y ?? layout.y[i]! };
  };
  const paths: string[] = [];
  for (let i = 0; i < doc.roles.length; i++) {
    const m = index.managerOf[i]!;
    if (layout.hidden[i] || m < 0 || layout.hidden[m] || doc.roles[i]!.external) continue;
    const planned = !Object.hasOwn(manual, doc.roles[i]!.id) && !Object.hasOwn(manual, doc.roles[m]!.id);
    const slot = planned ? layout.slot[i]! : Slot.row;
    const a = at(m);
    const b = at(i);
    const [sx, sy] = exitPoint(a.x, a.y, NODE_WIDTH, NODE_HEIGHT, layout.direction);
    const [tx, ty] = entryPoint(b.x, b.y, NODE_WIDTH, NODE_HEIGHT, slot, layout.direction);
    paths.push(pathOf(routePoints(sx, sy, tx, ty, { slot, bus: planned && Number.isFinite(layout.bus[m]!) ? layout.bus[m]! : null, direction: layout.direction })));
  }
  return paths;
}

/** Checks the size attributes and that every card lies inside the picture. */
function expectFramed(r: Rendered): void {
  expect(r.root.name).toBe('svg');
  expect(r.root.attrs.get('xmlns')).toBe('http://www.w3.org/2000/svg');
  expect(r.root.attrs.get('version')).toBe('1.1');
  expect(Number.isInteger(r.width) && Number.isInteger(r.height)).toBe(true);
  expect(r.root.attrs.get('width')).toBe(String(r.width));
  expect(r.root.attrs.get('height')).toBe(String(r.height));
  expect(r.root.attrs.get('viewBox')).toBe(`0 0 ${r.width} ${r.height}`);
  const chart = groupOf(r, 'chart');
  const [cx, cy] = translateOf(chart);
  for (const [id, g] of r.roles) {
    const [x, y] = translateOf(g);
    const left = cx + x;
    const top = cy + y;
    expect(left >= 0 && top >= 0 && left + NODE_WIDTH <= r.width && top + NODE_HEIGHT <= r.height, `card ${id} at ${left},${top} in ${r.width}×${r.height}`).toBe(true);
  }
}

/** No script, no foreign content, nothing fetched. */
function expectSelfContained(svg: string): void {
  expect(svg).not.toMatch(/<script/i);
  expect(svg).not.toMatch(/<img/i);
  expect(svg).not.toMatch(/<foreignObject/i);
  expect(svg).not.toMatch(/href/i);
  expect(svg).not.toMatch(/url\(/i);
  expect(svg).not.toMatch(/@import|@font-face/i);
  expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:/);
}

// ---------------------------------------------------------------------------------------

describe('the XML checker of these tests', () => {
  it.each([
    ['<a><b></a></b>'],
    ['<a x=1/>'],
    ['<a x="1" x="2"/>'],
    ['<a x="<"/>'],
    ['<a>&foo;</a>'],
    ['<a>&#0;</a>'],
    ['<a>a & b</a>'],
    ['<a>]]></a>'],
    ['<a>\u0001</a>'],
    ['<a>\ud800</a>'],
    ['<a/><b/>'],
    ['<a>'],
    ['text<a/>'],
    ['<a><!-- c --></a>'],
    ['<a x="1"y="2"/>'],
  ])('rejects %j', (text) => {
    expect(() => parseXml(text)).toThrow();
  });

  it('accepts well-formed XML and decodes entities', () => {
    const doc = parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a x="&quot;1&apos;" y=\'2\'><b>&lt;c&gt; &amp; &#20013;&#x6587; 😀</b><c/></a>\n');
    expect(doc.attrs.get('x')).toBe('"1\'');
    expect(textOf(doc)).toBe('<c> & 中文 😀');
    expect(elements(doc).map((e) => e.name)).toEqual(['a', 'b', 'c']);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('plain')).toBe('plain');
  });

  it('removes what XML 1.0 forbids and keeps the rest', () => {
    expect(escapeXml('a\u0000b\u0008c\u000bd\u000ce\u001ff\ufffeg\uffffh')).toBe('abcdefgh');
    expect(escapeXml('tab\tnl\ncr\r')).toBe('tab\tnl\ncr\r');
    expect(escapeXml('\ud800x\udc00y\ud83d')).toBe('xy');
    expect(escapeXml('😀 中文 é')).toBe('😀 中文 é');
    expect(escapeXml('\ud83d\ud83d\ude00')).toBe('😀');
  });

  it('gives text that parses back to the cleaned string, for any UTF-16 string', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 60 }), (units) => {
        const s = String.fromCharCode(...units);
        const parsed = parseXml(`<t a="${escapeXml(s)}">${escapeXml(s)}</t>`);
        expect(textOf(parsed)).toBe(stripForbidden(s));
        expect(parsed.attrs.get('a')).toBe(stripForbidden(s));
      }),
      { numRuns: 300 },
    );
  });
});

describe('text fitting', () => {
  it('keeps every line within the width, at most the line count, with an ellipsis when cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 150 }), fc.integer({ min: 40, max: 260 }), fc.integer({ min: 1, max: 3 }), (raw, width, maxLines) => {
        const text = displayText(raw);
        const lines = fitLines(text, width, 13, maxLines, true);
        expect(lines.length).toBeLessThanOrEqual(maxLines);
        for (const line of lines) expect(textWidth(line, 13, true)).toBeLessThanOrEqual(width + 1e-9);
        const kept = lines.join(' ').replace(/…$/, '');
        // Nothing is invented: without an ellipsis every non-space character is kept.
        if (!lines.at(-1)?.endsWith('…')) expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        expect(kept.length).toBeLessThanOrEqual(text.length + maxLines);
      }),
      { numRuns: 300 },
    );
  });

  it('breaks at spaces, between CJK characters and inside an over-long word only', () => {
    expect(fitLines('Head of Account Management, China', 200, 13, 2, true)).toEqual(['Head of Account', 'Management, China']);
    expect(fitLines('中国区客户管理负责人中国区客户管理负责人', 130, 13, 2)).toEqual(['中国区客户管理负责人', '中国区客户管理负责人']);
    expect(fitLines('中国区客户管理负责人中国区客户管理负责人中国区', 130, 13, 2)).toEqual(['中国区客户管理负责人', '中国区客户管理负责…']);
    expect(fitLines('Supercalifragilisticexpialidocious', 100, 13, 2).every((l) => textWidth(l, 13) <= 100)).toBe(true);
    expect(fitLines('   ', 100, 13, 2)).toEqual([]);
  });

  it('counts CJK and full-width characters as 1 em and Latin narrower', () => {
    expect(textWidth('中文', 10)).toBe(20);
    expect(textWidth('ＡＢ', 10)).toBe(20);
    const latin = textWidth('account', 10);
    expect(latin).toBeGreaterThanOrEqual(7 * 5.5);
    expect(latin).toBeLessThan(7 * 10);
    expect(textWidth('0123456789', 10)).toBeGreaterThanOrEqual(55);
  });
});

describe('renderSvg', () => {
  it.each(presetFiles)('draws every role of %s as a card with its title, in a well-formed, framed picture', (file) => {
    const doc = preset(file);
    const r = render(doc);
    expectFramed(r);
    expectSelfContained(r.svg);
    expect(r.roles.size).toBe(doc.roles.length);
    for (const role of doc.roles) {
      const g = r.roles.get(role.id)!;
      expect(g, role.id).toBeDefined();
      expect(textOf(child(g, 'title')!)).toBe(role.title);
      expect(r.svg).toContain(`<title>${xmlText(role.title)}</title>`);
      // The visible lines are the title, wrapped (and cut with an ellipsis when too long).
      const lines = (childWithClass(g, 'role-title')!.children as XmlElement[]).map(textOf);
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines.length).toBeLessThanOrEqual(2);
      // Lines break at spaces or after a hyphen: compare without spaces.
      const shown = lines.join('').replace(/ /g, '');
      const full = role.title.replace(/ /g, '');
      if (shown.endsWith('…')) expect(full.startsWith(shown.slice(0, -1))).toBe(true);
      else expect(shown).toBe(full);
      const meta = textOf(childWithClass(g, 'role-meta')!);
      // The family as people call it, never its id; the openings in words (issue 17).
      // The family as people call it, never its id (cut with an ellipsis when the line is full).
      const family = textOf(childWithClass(childWithClass(g, 'role-meta')!, 'role-family')!);
      const words = FAMILY_WORDS[role.family]!;
      if (family.endsWith('…')) expect(words.startsWith(family.slice(0, -1).trimEnd())).toBe(true);
      else expect(family).toBe(words);
      expect(meta).not.toContain(role.family === 'am' ? 'am ' : role.family);
      expect(meta).toContain(`Level ${role.level}`);
      // Openings in words ("vacant", "2 of 6 open"); a pool's size shown once.
      if (role.vacancies > 0) expect(meta).toContain(role.headcount === 1 ? 'vacant' : `${role.vacancies} of ${role.headcount} open`);
      else if (role.headcount > 1) expect(meta).toContain(`× ${role.headcount}`);
      if (role.holder) expect(textOf(childWithClass(g, 'role-holder')!)).toBe(role.holder.name);
    }
    // The title block: name, period, date.
    const block = textOf(groupOf(r, 'title-block'));
    expect(block).toContain(doc.name);
    expect(block).toContain(`Period: ${doc.period}`);
    expect(block).toContain(`Date: ${DATE}`);
    expect(r.root.attrs.get('font-family')).toBe(SVG_FONT_STACK);
  });

  it('shows the Chinese titles and labels with language zh-CN', () => {
    const doc = preset('china-account-management.json');
    const r = render(doc, { language: 'zh-CN' });
    let chinese = 0;
    for (const role of doc.roles) {
      const zh = Object.hasOwn(role.titles, 'zh-CN') ? role.titles['zh-CN'] : undefined;
      const title = textOf(child(r.roles.get(role.id)!, 'title')!);
      expect(title).toBe(zh || role.title);
      if (zh) {
        chinese++;
        expect(r.svg).toContain(zh);
      }
      expect(textOf(childWithClass(r.roles.get(role.id)!, 'role-meta')!)).toContain(`职级 ${role.level}`);
    }
    expect(chinese).toBeGreaterThan(20);
    const block = textOf(groupOf(r, 'title-block'));
    expect(block).toContain('期间');
    expect(block).toContain('日期');
    expect(block).toContain(DATE);
    // English stays English.
    expect(render(doc).svg).not.toContain('中国区客户管理负责人');
  });

  it('keeps hostile strings as text: no markup, no control characters, well-formed', () => {
    const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', ']]>', "x' onload='alert(1)", 'a\u0000b\u0001c\u001fd\ufffe\uffff\ud800e', '&amp; &lt; &#0; &bogus;'];
    const text = JSON.stringify({
      format: 'org-structure',
      version: 1,
      name: '</svg><script>alert("name")</script>',
      currency: 'CNY',
      period: '<b>FY</b>\u0007',
      roles: hostile.map((title, k) => ({
        id: k === 0 ? 'constructor' : `r${k}`,
        title,
        titles: { 'zh-CN': `${title}中文` },
        level: 3,
        reportsTo: k === 0 ? null : 'constructor',
        holder: { name: `${title} holder` },
        dottedLines: k === 1 ? [{ to: 'r2', kind: 'partner', note: '<script>' }] : [],
      })),
    });
    const doc = loadDoc(text);
    for (const language of ['en', 'zh-CN'] as const) {
      const r = render(doc, { language });
      expectSelfContained(r.svg);
      expect([...r.svg].every((ch) => isXmlChar(ch.codePointAt(0)!))).toBe(true);
      expect(r.svg).not.toContain(']]>');
      expect(r.all.some((el) => el.name === 'script' || el.name === 'img')).toBe(false);
      expect(r.roles.size).toBe(hostile.length);
      hostile.forEach((title, k) => {
        const g = r.roles.get(k === 0 ? 'constructor' : `r${k}`)!;
        const expected = displayText(language === 'zh-CN' ? `${title}中文` : title);
        expect(textOf(child(g, 'title')!)).toBe(expected);
        // The holder's line may be cut with an ellipsis: what is shown is the start of the name.
        const holder = textOf(childWithClass(g, 'role-holder')!);
        const name = displayText(`${title} holder`);
        expect(holder === name || (holder.endsWith('…') && name.startsWith(holder.slice(0, -1)))).toBe(true);
        // No attribute anywhere carries an event handler.
        for (const el of elements(g)) for (const name of el.attrs.keys()) expect(name.toLowerCase().startsWith('on')).toBe(false);
      });
      expect(textOf(r.root.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'title')!)).toBe('</svg><script>alert("name")</script>');
    }
    expect(render(doc).svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(render(doc).svg).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('draws the finding badge with includeFindings (the default) and not without', () => {
    const doc = preset('anti-patterns.json');
    const byRole = findingsByRole(checkDocument(doc));
    expect(byRole.size).toBeGreaterThan(0);
    const r = render(doc);
    for (const role of doc.roles) {
      const badge = childWithClass(r.roles.get(role.id)!, 'badge');
      const expected = byRole.get(role.id);
      if (!expected) {
        expect(badge, role.id).toBeUndefined();
        continue;
      }
      expect(badge, role.id).toBeDefined();
      expect(badge!.attrs.get('data-severity')).toBe(expected.worst);
      expect(textOf(child(badge!, 'text')!)).toBe(String(expected.count));
      expect(child(badge!, 'rect')!.attrs.get('fill')).toBe({ error: '#c92a2a', warning: '#a85400', info: '#1971c2' }[expected.worst]);
    }
    const without = render(doc, { includeFindings: false });
    expect(without.all.some((el) => hasClass(el, 'badge'))).toBe(false);
    expect(without.roles.size).toBe(doc.roles.length);
  });

  it('hides the subtree of a collapsed role and shows its +N', () => {
    const base = preset('china-account-management.json');
    const lead = base.roles.find((role) => role.family === 'am-lead')!;
    const below = new Set<string>();
    // Descendants by reportsTo (the preset has no cycles).
    for (let grew = true; grew; ) {
      grew = false;
      for (const role of base.roles) {
        if (role.reportsTo !== null && (role.reportsTo === lead.id || below.has(role.reportsTo)) && !below.has(role.id)) {
          below.add(role.id);
          grew = true;
        }
      }
    }
    expect(below.size).toBeGreaterThan(3);
    const doc: OrgDocument = { ...base, view: { ...base.view, collapsed: [lead.id] } };
    const r = render(doc);
    expectFramed(r);
    for (const id of below) expect(r.roles.has(id), id).toBe(false);
    expect(r.roles.size).toBe(base.roles.length - below.size);
    const g = r.roles.get(lead.id)!;
    expect(hasClass(g, 'collapsed')).toBe(true);
    expect(textOf(childWithClass(g, 'collapsed-count')!)).toBe(`+${below.size}`);
    expect(r.all.filter((el) => hasClass(el, 'collapsed-count'))).toHaveLength(1);
    expect(groupOf(r, 'reporting-lines').children.filter((c) => typeof c !== 'string')).toHaveLength(expectedReportingPaths(doc).length);
  });

  it('styles external roles and assistants as the canvas does', () => {
    const doc = preset('china-account-management.json');
    const r = render(doc);
    let externals = 0;
    for (const role of doc.roles) {
      const g = r.roles.get(role.id)!;
      const card = childWithClass(g, 'card')!;
      expect(card.attrs.get('width')).toBe(String(NODE_WIDTH));
      expect(card.attrs.get('height')).toBe(String(NODE_HEIGHT));
      expect(hasClass(g, 'external')).toBe(role.external);
      expect(card.attrs.has('stroke-dasharray')).toBe(role.external);
      expect(card.attrs.get('fill')).toBe(role.assistant ? '#fff9db' : role.external ? '#f8f9fa' : '#ffffff');
      expect(childWithClass(g, 'role-title')!.attrs.get('fill')).toBe(role.external ? '#5c6773' : '#1d2733');
      const bar = childWithClass(g, 'family-bar')!;
      expect(bar.attrs.get('fill')).toBe({ 'head-am': '#1f4e79', 'am-lead': '#1971c2', 'senior-am': '#2f9e44', am: '#66a80f', 'am-ops': '#ae3ec9', other: '#adb5bd' }[role.family]);
      if (role.external) externals++;
    }
    expect(externals).toBe(5);
    expect(doc.roles.some((role) => role.assistant)).toBe(true);
  });

  it('draws reporting lines solid on the routes of the canvas, and dotted lines dashed', () => {
    const doc = preset('china-account-management.json');
    const r = render(doc);
    const solid = groupOf(r, 'reporting-lines');
    expect(solid.attrs.has('stroke-dasharray')).toBe(false);
    const paths = solid.children.filter((c): c is XmlElement => typeof c !== 'string');
    expect(paths.map((p) => p.attrs.get('d'))).toEqual(expectedReportingPaths(doc));
    const dotted = groupOf(r, 'dotted-lines');
    const dashes = dotted.children.filter((c): c is XmlElement => typeof c !== 'string');
    expect(dashes).toHaveLength(4);
    for (const d of dashes) {
      expect(d.attrs.get('stroke-dasharray')).toMatch(/^\d+ \d+$/);
      expect(d.attrs.get('d')).toMatch(/^M[-\d.]+,[-\d.]+ C/);
    }
    // Lines come before cards, so cards are drawn on top.
    const order = r.all.map((el) => el.attrs.get('class'));
    expect(order.indexOf('reporting-lines')).toBeLessThan(order.indexOf('roles'));
    expect(order.indexOf('dotted-lines')).toBeLessThan(order.indexOf('roles'));
  });

  it('skips dotted lines to missing, hidden or the same role', () => {
    const doc = docOf(
      [
        { id: 'a', dottedLines: [{ to: 'ghost', kind: 'partner' }, { to: 'a', kind: 'partner' }, { to: 'c', kind: 'partner' }, { to: 'd', kind: 'partner' }] },
        { id: 'b', reportsTo: 'a' },
        { id: 'c', reportsTo: 'b' },
        { id: 'd', external: true },
      ],
      { view: { collapsed: ['b'] } },
    );
    const r = render(doc);
    const dashes = groupOf(r, 'dotted-lines').children.filter((c): c is XmlElement => typeof c !== 'string');
    expect(dashes.map((d) => d.attrs.get('data-to'))).toEqual(['d']);
    expect(r.roles.has('c')).toBe(false);
  });

  it('honours manual positions, including for a role named constructor', () => {
    const base = preset('china-account-management.json');
    const lead = base.roles.find((role) => role.family === 'am-lead')!;
    const doc: OrgDocument = { ...base, view: { ...base.view, positions: { [lead.id]: { x: -1500, y: 4000 } } } };
    const r = render(doc);
    expectFramed(r);
    const [cx, cy] = translateOf(groupOf(r, 'chart'));
    const [x, y] = translateOf(r.roles.get(lead.id)!);
    expect([x, y]).toEqual([-1500, 4000]);
    // The moved card is the leftmost and lowest: it sets the frame.
    expect(cx + x).toBe(24);
    expect(r.height).toBeGreaterThanOrEqual(cy + y + NODE_HEIGHT);
    const paths = groupOf(r, 'reporting-lines').children.filter((c): c is XmlElement => typeof c !== 'string').map((p) => p.attrs.get('d'));
    expect(paths).toEqual(expectedReportingPaths(doc));

    const hostile = loadDoc(readFileSync(join(root, 'tests/fixtures/good/hostile-keys.json'), 'utf8'));
    const h = render(hostile);
    expect(translateOf(h.roles.get('constructor')!)).toEqual([3, 4]);
    expect(textOf(child(h.roles.get('constructor')!, 'title')!)).toBe('"><img src=x onerror=alert(1)>');
    expectSelfContained(h.svg);
    expect(textOf(child(render(hostile, { language: 'zh-CN' }).roles.get('constructor')!, 'title')!)).toBe('<b>负责人</b>');
  });

  it('renders an empty document as its title block only', () => {
    const doc = docOf([], { name: 'Nothing yet' });
    const r = render(doc, { background: 'transparent' });
    expectFramed(r);
    expect(r.roles.size).toBe(0);
    expect(textOf(groupOf(r, 'title-block'))).toContain('Nothing yet');
    expect(textOf(groupOf(r, 'title-block'))).not.toContain('Period');
    expect(r.all.some((el) => hasClass(el, 'background'))).toBe(false);
    expect(r.height).toBeLessThan(120);
    expect(r.width).toBeGreaterThan(0);
    expect(render(doc).all.some((el) => hasClass(el, 'background'))).toBe(true);
  });

  it('renders cycles, self-reports and dangling references, every role once', () => {
    const fixture = loadDoc(readFileSync(join(root, 'tests/fixtures/good/semantic-problems.json'), 'utf8'));
    const cyclic = docOf([
      { id: 'x', reportsTo: 'y', dottedLines: [{ to: 'nobody', kind: 'partner' }] },
      { id: 'y', reportsTo: 'z' },
      { id: 'z', reportsTo: 'x' },
      { id: 'w', reportsTo: 'w' },
      { id: 'v', reportsTo: 'missing' },
      { id: 'u', reportsTo: 'v', assistant: true },
    ]);
    for (const doc of [fixture, cyclic]) {
      for (const direction of ['TB', 'LR'] as const) {
        const r = render({ ...doc, view: { ...doc.view, direction } });
        expectFramed(r);
        expect([...r.roles.keys()].sort()).toEqual(doc.roles.map((role) => role.id).sort());
      }
    }
  });

  it('renders a 10,000-deep chain', () => {
    const doc = chainOf(10_000);
    const r = render(doc, { includeFindings: false });
    expect(r.roles.size).toBe(10_000);
    expect(groupOf(r, 'reporting-lines').children.filter((c) => typeof c !== 'string')).toHaveLength(9_999);
    expectFramed(r);
    // With findings too (the chain is one long finding list).
    expect(() => parseXml(renderSvg(doc, { date: DATE }).svg)).not.toThrow();
  });

  it('renders 50,000 roles, the most a document holds', () => {
    const doc = generateOrg({ roles: 50_000, seed: 2 });
    const result = renderSvg(doc, { date: DATE, includeFindings: false });
    expect(result.svg.match(/<g class="role /g)).toHaveLength(50_000);
    expect(result.svg.endsWith('</svg>\n')).toBe(true);
  });

  it('is deterministic for the same document and date', () => {
    const doc = generateOrg({ roles: 300, seed: 4 });
    const a = renderSvg(doc, { date: DATE });
    expect(renderSvg(doc, { date: DATE })).toEqual(a);
    expect(renderSvg(doc, { date: new Date(2026, 4, 1, 12) }).svg).toBe(a.svg);
    expect(renderSvg(doc, { date: '2026-05-02' }).svg).not.toBe(a.svg);
    // Today by default, as yyyy-mm-dd.
    expect(renderSvg(docOf([])).svg).toMatch(/Date: \d{4}-\d{2}-\d{2}</);
  });

  it('draws the LR direction with the same cards and routes', () => {
    const base = preset('global-matrix.json');
    const doc: OrgDocument = { ...base, view: { ...base.view, direction: 'LR' } };
    const r = render(doc);
    expectFramed(r);
    expect(r.roles.size).toBe(doc.roles.length);
    const paths = groupOf(r, 'reporting-lines').children.filter((c): c is XmlElement => typeof c !== 'string').map((p) => p.attrs.get('d'));
    expect(paths).toEqual(expectedReportingPaths(doc));
  });

  it('draws LR lines out of the manager\u2019s right side into the facing side of each report, and dotted lines by kind clear of their source', () => {
    const base = preset('china-account-management.json');
    const doc: OrgDocument = { ...base, view: { ...base.view, direction: 'LR' } };
    const r = render(doc);
    const at = new Map([...r.roles].map(([id, g]) => [id, translateOf(g)]));
    const cards = [...at.values()];
    const points = (d: string) => [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]);
    const paths = groupOf(r, 'reporting-lines').children.filter((c): c is XmlElement => typeof c !== 'string').map((p) => points(p.attrs.get('d')!));
    expect(paths.length).toBeGreaterThan(30);
    for (const line of paths) {
      const [sx, sy] = line[0]!;
      const [ex, ey] = line.at(-1)!;
      // Out of the middle of a card's right side, horizontally.
      expect(cards.some(([x, y]) => x + NODE_WIDTH === sx && y + NODE_HEIGHT / 2 === sy)).toBe(true);
      expect(line[1]![1]).toBe(sy);
      // Into the middle of a card's left side (a row report), or of its top or bottom from the lane (stacked reports, assistants).
      const left = cards.some(([x, y]) => x === ex && y + NODE_HEIGHT / 2 === ey);
      const side = cards.some(([x, y]) => x + NODE_WIDTH / 2 === ex && (y === ey || y + NODE_HEIGHT === ey));
      expect(left || side).toBe(true);
    }
    // The head's leads are in the row: their lines end on their left sides.
    for (const lead of ['lead-east', 'lead-north', 'lead-south']) {
      const [x, y] = at.get(lead)!;
      expect(paths.some((line) => line.at(-1)![0] === x && line.at(-1)![1] === y + NODE_HEIGHT / 2)).toBe(true);
    }
    const dotted = groupOf(r, 'dotted-lines').children.filter((c): c is XmlElement => typeof c !== 'string');
    expect(dotted).toHaveLength(4);
    for (const path of dotted) {
      const kind = path.attrs.get('data-kind')!;
      expect(classes(path)).toEqual(['dotted', `dotted-${kind}`]);
      expect(path.attrs.get('stroke')).toBe(kind === 'partner' ? '#0c8599' : '#7048e8');
      expect(path.attrs.get('stroke-dasharray')).toBe(kind === 'partner' ? '2 4' : '8 4');
      // The curve, sampled, stays out of its source card.
      const [a, c1, c2, b] = points(path.attrs.get('d')!) as [[number, number], [number, number], [number, number], [number, number]];
      const [x, y] = at.get(path.attrs.get('data-from')!)!;
      for (let k = 0; k <= 50; k++) {
        const t = k / 50;
        const u = 1 - t;
        const px = u * u * u * a[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t * t * t * b[0];
        const py = u * u * u * a[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t * t * t * b[1];
        expect(px > x + 0.5 && px < x + NODE_WIDTH - 0.5 && py > y + 0.5 && py < y + NODE_HEIGHT - 0.5).toBe(false);
      }
    }
  });

  it('says a card\u2019s family and openings in words, in English and Chinese', () => {
    const doc = docOf([
      { id: 'pool', title: 'Pool', family: 'am', headcount: 6, vacancies: 2 },
      { id: 'single', title: 'Single', family: 'am', reportsTo: 'pool', vacancies: 1 },
      { id: 'full', title: 'Full', family: 'senior-am', reportsTo: 'pool', headcount: 3 },
      { id: 'over', title: 'Over', family: 'am-ops', reportsTo: 'pool', headcount: 1, vacancies: 3 },
    ]);
    const meta = (r: Rendered, id: string) => textOf(childWithClass(r.roles.get(id)!, 'role-meta')!);
    const en = render(doc);
    // A full line cuts the family's name first.
    expect(meta(en, 'pool')).toMatch(/^Account Man[a-z]*…?Level 32 of 6 open$/);
    expect(meta(en, 'single')).toContain('vacant');
    expect(meta(en, 'full')).toContain('Senior AM');
    expect(meta(en, 'full')).toContain('× 3');
    expect(meta(en, 'over')).toContain('3 vacancies');
    const zh = render(doc, { language: 'zh-CN' });
    expect(meta(zh, 'pool')).toContain('客户经理');
    expect(meta(zh, 'pool')).toContain('6 个中 2 个空缺');
    expect(meta(zh, 'single')).toContain('空缺');
    expect(meta(zh, 'full')).toContain('高级客户经理');
  });

  it('stays well-formed on random documents with random strings', () => {
    const anyText = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 40 }).map((units) => String.fromCharCode(...units));
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: anyText, holder: anyText, manager: fc.nat(12), external: fc.boolean(), collapsed: fc.boolean() }), { maxLength: 12 }),
        anyText,
        (roles, name) => {
          const doc = docOf(
            roles.map((role, k) => ({ id: `r${k}`, title: role.title, holder: { name: role.holder }, reportsTo: role.manager === k ? null : `r${role.manager}`, external: role.external })),
            { name, view: { collapsed: roles.flatMap((role, k) => (role.collapsed ? [`r${k}`] : [])) } },
          );
          const r = render(doc, { language: roles.length % 2 ? 'zh-CN' : 'en' });
          expectFramed(r);
          expectSelfContained(r.svg);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is linear in roles: 10,000 roles in well under the budget', () => {
    const small = generateOrg({ roles: 1_000, seed: 1 });
    const big = generateOrg({ roles: 10_000, seed: 1 });
    renderSvg(small, { date: DATE });
    renderSvg(big, { date: DATE });
    const time = (doc: OrgDocument) => {
      const runs: number[] = [];
      for (let k = 0; k < 3; k++) {
        const start = performance.now();
        renderSvg(doc, { date: DATE });
        runs.push(performance.now() - start);
      }
      return Math.min(...runs);
    };
    const t1 = time(small);
    const t10 = time(big);
    // Generous bounds for a loaded test machine (docs/export.md has the figures).
    expect(t10).toBeLessThan(1_000);
    expect(t10 / Math.max(t1, 1)).toBeLessThan(40);
  });
});

describe('assistant cards (issue 20: each model fact once)', () => {
  it('styles a role as an assistant only where the rules count it: under an in-scope manager', () => {
    const doc = docOf([
      { id: 'head', title: 'Head', family: 'head-am', level: 6 },
      { id: 'ea', title: 'Assistant', level: 2, reportsTo: 'head', assistant: true },
      { id: 'gm', title: 'APAC GM', level: 7, external: true },
      { id: 'ea-gm', title: 'GM assistant', level: 2, reportsTo: 'gm', assistant: true },
    ]);
    const svg = renderSvg(doc, { date: DATE }).svg;
    const classOf = (id: string) => svg.match(new RegExp(`<g class="([^"]*)" data-id="${id}"`))?.[1] ?? '';
    expect(classOf('ea').split(' ')).toContain('assistant');
    expect(classOf('ea-gm').split(' ')).not.toContain('assistant');
  });
});
