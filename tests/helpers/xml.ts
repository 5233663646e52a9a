/**
 * A small strict XML 1.0 well-formedness checker for the SVG pictures' tests (there is no
 * DOMParser in Node). It accepts the subset an SVG export needs: an XML declaration,
 * elements, attributes in quotes, text and the five named entities and character
 * references; it rejects everything else (comments, CDATA, doctypes, processing
 * instructions) so that the renderers are held to the plainest XML. Iterative: a deep
 * document cannot overflow it. Its own tests are in tests/unit/svg.test.ts.
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Map<string, string>;
  readonly children: (XmlElement | string)[];
}

const NAME_START = /[A-Za-z_:]/;
const NAME_CHAR = /[-A-Za-z0-9_:.]/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Parses XML text into a tree; throws on anything that is not well-formed. */
export function parseXml(text: string): XmlElement {
  let i = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at ${i}: ${JSON.stringify(text.slice(i, i + 40))}`);
  };
  for (let k = 0; k < text.length; k++) {
    const cp = text.codePointAt(k)!;
    // A lone surrogate comes back as itself (0xD800–0xDFFF), which is not a Char.
    if (!isXmlChar(cp)) {
      i = k;
      fail(`character U+${cp.toString(16)} is not allowed`);
    }
    if (cp > 0xffff) k++;
  }
  const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  const skipSpace = () => {
    while (isSpace(text[i])) i++;
  };
  const readName = (): string => {
    const start = i;
    if (!NAME_START.test(text[i] ?? '')) fail('expected a name');
    i++;
    while (i < text.length && NAME_CHAR.test(text[i]!)) i++;
    return text.slice(start, i);
  };
  const decode = (raw: string): string => {
    if (!raw.includes('&') && !raw.includes('<')) return raw;
    let out = '';
    for (let k = 0; k < raw.length; k++) {
      const c = raw[k]!;
      if (c === '<') fail('raw < in text or attribute');
      if (c !== '&') {
        out += c;
        continue;
      }
      const end = raw.indexOf(';', k);
      if (end < 0 || end - k > 12) fail(`bad entity reference ${raw.slice(k, k + 12)}`);
      const ref = raw.slice(k + 1, end);
      if (ref.startsWith('#')) {
        const hex = ref[1] === 'x';
        const digits = ref.slice(hex ? 2 : 1);
        if (!(hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)) fail(`bad character reference &${ref};`);
        const cp = parseInt(digits, hex ? 16 : 10);
        if (!isXmlChar(cp)) fail(`character reference &${ref}; is not a Char`);
        out += String.fromCodePoint(cp);
      } else {
        const value = ENTITIES[ref];
        if (value === undefined) fail(`unknown entity &${ref};`);
        out += value;
      }
      k = end;
    }
    return out;
  };

  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0 || !/^<\?xml version="1\.0"( encoding="UTF-8")?( standalone="(yes|no)")?\s*\?>$/.test(text.slice(0, end + 2))) fail('bad XML declaration');
    i = end + 2;
  }
  skipSpace();
  let rootElement: XmlElement | null = null;
  const stack: XmlElement[] = [];
  while (i < text.length) {
    if (text[i] === '<') {
      if (text[i + 1] === '/') {
        i += 2;
        const name = readName();
        skipSpace();
        if (text[i] !== '>') fail('expected > after a closing tag');
        i++;
        const open = stack.pop();
        if (!open || open.name !== name) fail(`</${name}> does not close <${open?.name ?? 'nothing'}>`);
        if (stack.length === 0) {
          skipSpace();
          if (i < text.length) fail('content after the root element');
        }
        continue;
      }
      if (text[i + 1] === '!' || text[i + 1] === '?') fail('comments, CDATA, doctypes and processing instructions are not expected');
      i++;
      const parent = stack[stack.length - 1];
      if (!parent && rootElement) fail('a second root element');
      const element: XmlElement = { name: readName(), attrs: new Map(), children: [] };
      let selfClosing = false;
      for (;;) {
        const hadSpace = isSpace(text[i]);
        skipSpace();
        if (text[i] === '/' && text[i + 1] === '>') {
          i += 2;
          selfClosing = true;
          break;
        }
        if (text[i] === '>') {
          i++;
          break;
        }
        if (!hadSpace) fail('attributes must be separated by space');
        const attr = readName();
        skipSpace();
        if (text[i] !== '=') fail(`attribute ${attr} without a value`);
        i++;
        skipSpace();
        const quote = text[i];
        if (quote !== '"' && quote !== "'") fail(`attribute ${attr} not quoted`);
        const end = text.indexOf(quote!, i + 1);
        if (end < 0) fail('unterminated attribute value');
        if (element.attrs.has(attr)) fail(`duplicate attribute ${attr}`);
        const raw = text.slice(i + 1, end);
        element.attrs.set(attr, decode(raw));
        i = end + 1;
      }
      if (parent) parent.children.push(element);
      else rootElement = element;
      if (!selfClosing) stack.push(element);
      else if (!parent) {
        // A self-closed root element ends the document.
        skipSpace();
        if (i < text.length) fail('content after the root element');
      }
      continue;
    }
    const next = text.indexOf('<', i);
    const raw = text.slice(i, next < 0 ? text.length : next);
    if (stack.length === 0) fail('text outside the root element');
    if (raw.includes(']]>')) fail(']]> in text');
    stack[stack.length - 1]!.children.push(decode(raw));
    i += raw.length;
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is not closed`);
  if (!rootElement) fail('no root element');
  return rootElement!;
}

/** Every element of the tree in document order (iterative). */
export function elements(rootElement: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlElement[] = [rootElement];
  while (stack.length > 0) {
    const el = stack.pop()!;
    out.push(el);
    for (let k = el.children.length - 1; k >= 0; k--) {
      const child = el.children[k]!;
      if (typeof child !== 'string') stack.push(child);
    }
  }
  return out;
}

/** The text content of an element and its descendants. */
export function textOf(el: XmlElement): string {
  let out = '';
  const stack: (XmlElement | string)[] = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') out += node;
    else for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]!);
  }
  return out;
}

export const classes = (el: XmlElement): string[] => (el.attrs.get('class') ?? '').split(' ');
export const hasClass = (el: XmlElement, name: string) => classes(el).includes(name);
export const child = (el: XmlElement, name: string) => el.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
export const childWithClass = (el: XmlElement, name: string) => el.children.find((c): c is XmlElement => typeof c !== 'string' && hasClass(c, name));
