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

  private static readonly TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[^\s=<>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
  private static readonly CLOSE = /<\/([A-Za-z_][\w.:-]*)\s*>/y;

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
      const pattern = second === 0x2f /* / */ ? XmlScanner.CLOSE : XmlScanner.TAG;
      pattern.lastIndex = at;
      const match = pattern.exec(text);
      if (!match) throw new XlsxError('xml-malformed', this.part);
      this.qname = match[1]!;
      const colon = this.qname.indexOf(':');
      this.name = colon < 0 ? this.qname : this.qname.slice(colon + 1);
      this.start = at;
      this.end = pattern.lastIndex;
      this.pos = this.end;
      if (pattern === XmlScanner.CLOSE) {
        this.kind = 'close';
        this.attrs = '';
      } else {
        this.kind = match[3] ? 'empty' : 'open';
        this.attrs = match[2]!;
      }
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

const attrPatterns = new Map<string, RegExp>();

export function attrOf(attrs: string, name: string, part: string): string | undefined {
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
