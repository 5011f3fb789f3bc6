import { XlsxError } from './errors';

/**
 * A small XML tag scanner for the parts of a workbook. It keeps the offset of every tag, so a patch
 * can replace one cell's text and leave every other character of the sheet as it was, and it never
 * expands an entity: a DOCTYPE (the only way to declare one, internal or external) is refused, and
 * only the five predefined entities and character references are decoded.
 */

export type TagKind = 'open' | 'close' | 'empty';

export class XmlScanner {
  kind: TagKind = 'open';
  /** Local name, without any namespace prefix. */
  name = '';
  /** The name as written, prefix included. */
  qname = '';
  start = 0;
  end = 0;
  attrs = '';
  private pos = 0;

  constructor(
    readonly text: string,
    readonly part: string,
  ) {}

  /** Moves to the next element tag; false at the end of the text. */
  next(): boolean {
    const text = this.text;
    for (;;) {
      const at = text.indexOf('<', this.pos);
      if (at < 0) return false;
      const second = text.charCodeAt(at + 1);
      if (second === 0x3f /* ? */) {
        this.pos = this.skip(at, '?>');
        continue;
      }
      if (second === 0x21 /* ! */) {
        if (text.startsWith('<!--', at)) this.pos = this.skip(at, '-->');
        else if (text.startsWith('<![CDATA[', at)) this.pos = this.skip(at, ']]>');
        else throw new XlsxError('xml-doctype', this.part);
        continue;
      }
      // Scanned by hand rather than by a regular expression: a sheet has hundreds of thousands of tags.
      const close = second === 0x2f;
      const nameStart = close ? at + 2 : at + 1;
      let i = nameStart;
      while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
      if (i === nameStart) throw new XlsxError('xml-malformed', this.part);
      let j = i;
      for (;;) {
        const c = text.charCodeAt(j);
        if (c === 0x3e /* > */) break;
        if (c === 0x22 || c === 0x27) {
          const quote = text.indexOf(c === 0x22 ? '"' : "'", j + 1);
          if (quote < 0) throw new XlsxError('xml-malformed', this.part);
          j = quote + 1;
        } else if (c === 0x3c || Number.isNaN(c)) throw new XlsxError('xml-malformed', this.part);
        else j++;
      }
      const empty = !close && text.charCodeAt(j - 1) === 0x2f;
      this.qname = text.slice(nameStart, i);
      const colon = this.qname.indexOf(':');
      this.name = colon < 0 ? this.qname : this.qname.slice(colon + 1);
      this.kind = close ? 'close' : empty ? 'empty' : 'open';
      this.attrs = close ? '' : text.slice(i, empty ? j - 1 : j);
      this.start = at;
      this.end = j + 1;
      this.pos = this.end;
      return true;
    }
  }

  private skip(at: number, terminator: string): number {
    const end = this.text.indexOf(terminator, at);
    if (end < 0) throw new XlsxError('xml-malformed', this.part);
    return end + terminator.length;
  }

  /** An attribute of the current tag by local name (any prefix), decoded; undefined when absent. */
  attr(name: string): string | undefined {
    return attrOf(this.attrs, name, this.part);
  }
}

/** Letters, digits and `_ - . :`, and anything past ASCII: enough to tell where a name ends. */
function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x3a) || c === 0x5f || c === 0x2d || c === 0x2e || c > 0x7f;
}

const attrPatterns = new Map<string, RegExp>();

export function attrOf(attrs: string, name: string, part: string): string | undefined {
  // The common spelling (`name="value"` after a space or a prefix) is found without a regular expression.
  for (let at = attrs.indexOf(`${name}="`); at >= 0; at = attrs.indexOf(`${name}="`, at + 1)) {
    const before = attrs.charCodeAt(at - 1);
    if (before !== 0x20 && before !== 0x3a && before !== 0x09 && before !== 0x0a && before !== 0x0d) continue;
    const from = at + name.length + 2;
    const value = attrs.slice(from, attrs.indexOf('"', from));
    return value.includes('&') ? decodeText(value, part) : value;
  }
  let pattern = attrPatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name.replace('.', '\\.')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, pattern);
  }
  const match = pattern.exec(attrs);
  if (!match) return undefined;
  return decodeText(match[1] ?? match[2] ?? '', part);
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&([^;&<\s]{0,10});|&/g;

/** Character data with its references decoded; an entity other than the predefined five is malformed. */
export function decodeText(raw: string, part: string): string {
  if (raw.includes('<![CDATA[')) {
    return raw
      .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
      .map((piece) => (piece.startsWith('<![CDATA[') ? piece.slice(9, -3) : decodeText(piece, part)))
      .join('');
  }
  if (!raw.includes('&')) return raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return raw.replace(/\r\n?/g, '\n').replace(REFERENCE, (whole, name: string | undefined) => {
    if (name === undefined) throw new XlsxError('xml-malformed', part);
    const named = NAMED[name];
    if (named) return named;
    const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : name.startsWith('#') ? parseInt(name.slice(1), 10) : NaN;
    if (!Number.isInteger(code) || code < 0 || code > 0x10ffff) throw new XlsxError('xml-malformed', part);
    return String.fromCodePoint(code);
  });
}

/** Text escaped for an element's content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#13;'));
}

/**
 * OOXML writes a character XML 1.0 cannot hold (most control characters) as `_xHHHH_`, and a
 * literal `_xHHHH_` as `_x005F_xHHHH_`.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
const NOT_XML = /_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g;
export function escapeOoxml(text: string): string {
  return text.replace(NOT_XML, (c) => (c === '_' ? '_x005F_' : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`));
}
export function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** Decodes a part as UTF-8, the only encoding the workbook writers use; invalid bytes are malformed. */
export function partText(bytes: Uint8Array, part: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new XlsxError('xml-malformed', part);
  }
}
