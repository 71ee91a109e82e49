import { msg } from '../../../shared/messages/catalogue';
import { FileRefusal } from '../file-refusal';

export interface XmlHandler {
  /** `attributes` is the start tag's attribute text, for `attribute()`; `name` is without a namespace prefix. */
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data, entities decoded; one run of text may come in several pieces. */
  text(text: string): void;
}

const MAX_TAG = 64 * 1024;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name] as string;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex as string, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const attributePatterns = new Map<string, RegExp>();

/** An attribute of a start tag (`r:id` also matches another prefix's `id`), entities decoded; null when absent. */
export function attribute(attributes: string, name: string): string | null {
  const quick = attributes.indexOf(` ${name}="`);
  if (quick >= 0) {
    const start = quick + name.length + 3;
    return decodeEntities(attributes.slice(start, attributes.indexOf('"', start)));
  }
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    const local = name.includes(':') ? `(?:[\\w.-]+:)?${name.split(':')[1]}` : name;
    pattern = new RegExp(`\\s${local}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const m = pattern.exec(attributes);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : null;
}

/** A start tag (name, attributes with quoted values, optional `/`) and an end tag, matched where the markup starts. */
const START_TAG = /<(?:[^\s/>!?:]+:)?([^\s/>!?:]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const END_TAG = /<\/(?:[^\s>:]+:)?([^\s>:]+)\s*>/y;

/**
 * A small streaming reader for the XML of a workbook's parts: tags, attributes and text, without a DTD (refused, so
 * no entity can expand) and holding at most one unfinished tag between pieces.
 */
export class XmlTokenizer {
  private rest = '';

  constructor(private readonly handler: XmlHandler) {}

  write(piece: string): void {
    const s = this.rest.length > 0 ? this.rest + piece : piece;
    const n = s.length;
    let i = 0;
    this.rest = '';
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt !== i) {
        let end = lt < 0 ? n : lt;
        if (lt < 0) {
          const amp = s.lastIndexOf('&');
          if (amp >= i && n - amp < 12 && !s.includes(';', amp)) end = amp;
        }
        if (end > i) this.handler.text(decodeEntities(s.slice(i, end)));
        if (lt < 0) {
          this.rest = s.slice(end);
          return;
        }
        i = lt;
      }
      const next = this.markup(s, i);
      if (next < 0) {
        if (n - i > MAX_TAG) throw new FileRefusal(msg('import.xlsx.tagTooLong'));
        this.rest = s.slice(i);
        return;
      }
      i = next;
    }
  }

  end(): void {
    if (this.rest.trim() !== '') throw new FileRefusal(msg('import.xlsx.cutTag'));
  }

  /** Handles the markup that starts at `i`; returns where the text after it starts, or -1 when it is not complete. */
  private markup(s: string, i: number): number {
    const second = s.charCodeAt(i + 1);
    if (second === 63) {
      const end = s.indexOf('?>', i + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (second === 33) return this.declaration(s, i);
    const pattern = second === 47 ? END_TAG : START_TAG;
    pattern.lastIndex = i;
    const m = pattern.exec(s);
    if (!m) return -1;
    const name = m[1] as string;
    if (pattern === END_TAG) {
      this.handler.close(name);
    } else {
      const selfClosing = m[3] === '/';
      this.handler.open(name, m[2] as string, selfClosing);
      if (selfClosing) this.handler.close(name);
    }
    return pattern.lastIndex;
  }

  /** A comment, a CDATA section, or a DTD, which is refused. */
  private declaration(s: string, i: number): number {
    if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith('<![CDATA[', i)) {
      const end = s.indexOf(']]>', i + 9);
      if (end < 0) return -1;
      this.handler.text(s.slice(i + 9, end));
      return end + 3;
    }
    if (s.length - i < 9) return -1;
    throw new FileRefusal(msg('import.xlsx.dtd'));
  }
}
