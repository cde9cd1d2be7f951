/**
 * XML for OFD parts: writing (escaping, numbers) and a small strict reader.
 *
 * The reader handles what OFD parts contain — elements, attributes, text, CDATA, comments, the
 * XML declaration and the five predefined and numeric character references — and refuses
 * DOCTYPE: a package may come from anyone, and a DTD is how entity-expansion attacks get in.
 */

export const OFD_NAMESPACE = 'http://www.ofdspec.org/2016';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/**
 * A length in millimetres as OFD writes it (ST_Length is xs:double): at most three decimals
 * (1 µm, far below a printer dot), no trailing zeros, never "-0" — so output is stable across runs.
 */
export function mm(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** An element; `children` are elements and text in document order. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlSyntaxError extends Error {}

export function parseXml(source: string): XmlElement {
  const parser = new Parser(source);
  return parser.document();
}

/** Child elements named `name` (with its `ofd:` prefix). */
export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  return childElements(element, name)[0];
}

/** The concatenated text of an element and its descendants. */
export function textOf(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** All descendant elements named `name`, in document order. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) found.push(child);
    found.push(...descendants(child, name));
  }
  return found;
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;

class Parser {
  private at = 0;
  constructor(private readonly s: string) {}

  document(): XmlElement {
    if (this.s.charCodeAt(0) === 0xfeff) this.at = 1;
    this.misc();
    if (!this.s.startsWith('<', this.at)) this.fail('expected the root element');
    const root = this.element();
    this.misc();
    if (this.at !== this.s.length) this.fail('content after the root element');
    return root;
  }

  private misc(): void {
    for (;;) {
      this.space();
      if (this.s.startsWith('<?', this.at)) this.skipPast('?>');
      else if (this.s.startsWith('<!--', this.at)) this.skipPast('-->');
      else if (this.s.startsWith('<!', this.at)) this.fail('DOCTYPE and other declarations are not allowed');
      else return;
    }
  }

  private element(): XmlElement {
    this.at++; // <
    const name = this.name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const hadSpace = this.space();
      if (this.s.startsWith('/>', this.at)) {
        this.at += 2;
        return { name, attributes, children: [] };
      }
      if (this.s[this.at] === '>') {
        this.at++;
        break;
      }
      if (!hadSpace) this.fail(`malformed tag <${name}>`);
      const attribute = this.name();
      this.space();
      if (this.s[this.at] !== '=') this.fail(`attribute ${attribute} without a value`);
      this.at++;
      this.space();
      const quote = this.s[this.at];
      if (quote !== '"' && quote !== "'") this.fail(`attribute ${attribute} value not quoted`);
      const end = this.s.indexOf(quote, this.at + 1);
      if (end < 0) this.fail('unterminated attribute value');
      if (attribute in attributes) this.fail(`duplicate attribute ${attribute}`);
      attributes[attribute] = this.decode(this.s.slice(this.at + 1, end));
      this.at = end + 1;
    }
    const children: XmlNode[] = [];
    for (;;) {
      if (this.at >= this.s.length) this.fail(`unclosed element <${name}>`);
      if (this.s.startsWith('</', this.at)) {
        this.at += 2;
        const closing = this.name();
        if (closing !== name) this.fail(`</${closing}> closes <${name}>`);
        this.space();
        if (this.s[this.at] !== '>') this.fail(`malformed closing tag </${closing}>`);
        this.at++;
        return { name, attributes, children };
      }
      if (this.s.startsWith('<!--', this.at)) this.skipPast('-->');
      else if (this.s.startsWith('<![CDATA[', this.at)) {
        const end = this.s.indexOf(']]>', this.at);
        if (end < 0) this.fail('unterminated CDATA');
        children.push(this.s.slice(this.at + 9, end));
        this.at = end + 3;
      } else if (this.s.startsWith('<?', this.at)) this.skipPast('?>');
      else if (this.s.startsWith('<!', this.at)) this.fail('declarations are not allowed inside elements');
      else if (this.s[this.at] === '<') children.push(this.element());
      else {
        const end = this.s.indexOf('<', this.at);
        const stop = end < 0 ? this.s.length : end;
        children.push(this.decode(this.s.slice(this.at, stop)));
        this.at = stop;
      }
    }
  }

  private name(): string {
    NAME.lastIndex = this.at;
    const match = NAME.exec(this.s);
    if (!match) this.fail('expected a name');
    this.at += match[0].length;
    return match[0];
  }

  private space(): boolean {
    const start = this.at;
    while (/\s/.test(this.s[this.at] ?? '')) this.at++;
    return this.at > start;
  }

  private skipPast(marker: string): void {
    const end = this.s.indexOf(marker, this.at);
    if (end < 0) this.fail(`missing ${marker}`);
    this.at = end + marker.length;
  }

  private decode(text: string): string {
    return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (whole, ref: string | undefined) => {
      if (!ref) this.fail('bare & in text');
      if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
      const named = PREDEFINED[ref];
      if (named === undefined) this.fail(`unknown entity &${ref};`);
      return named;
    });
  }

  private fail(message: string): never {
    throw new XmlSyntaxError(`${message} (at character ${this.at})`);
  }
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
