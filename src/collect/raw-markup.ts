// Feed fields that may carry HTML are kept by the XML parser as raw inner markup (stop nodes), because
// parsing them as XML would scramble mixed content. This turns that raw markup into an HTML string.

import { mapOutsideMatches } from '../text/map-outside-matches.js';
import { textToHtml } from './html-to-text.js';

/** How a field's content is encoded: escaped HTML, plain text, or inline XHTML elements. */
export type MarkupKind = 'html' | 'text' | 'xhtml';

const XML_REF = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi;
const CDATA = /<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g;

function decodeXmlRefs(s: string): string {
  return s.replace(XML_REF, (whole, ref: string) => {
    switch (ref.toLowerCase()) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : whole;
  });
}

/**
 * The XML character content of raw inner markup: CDATA sections taken literally, XML references decoded
 * elsewhere. Undeclared entities such as `&nbsp;` stay as they are (the HTML parser knows them).
 */
export function xmlCharacterContent(raw: string): string {
  return mapOutsideMatches(raw, CDATA, decodeXmlRefs, (m) => m[1]!);
}

/** HTML for a raw field of the given kind. */
export function rawToHtml(raw: string, kind: MarkupKind): string {
  if (kind === 'xhtml') {
    // Inline XHTML is markup already; a CDATA section inside it is text.
    return raw.replace(CDATA, (_, inner: string) => textToHtml(inner.replace(/&/g, '&amp;')));
  }
  const content = xmlCharacterContent(raw);
  return kind === 'html' ? content : textToHtml(content);
}

/** The kind of an Atom text construct (RFC 4287 §3.1) or an Atom 0.3 content element. */
export function atomKind(type: string | undefined, mode: string | undefined): MarkupKind | 'binary' {
  const t = (type ?? '').trim().toLowerCase();
  const m = (mode ?? '').trim().toLowerCase();
  if (m === 'base64') return 'binary';
  if (t === 'xhtml' || t === 'application/xhtml+xml' || m === 'xml') return 'xhtml';
  if (t === 'html' || t === 'text/html') return 'html';
  if (t === '' && m === 'escaped') return 'html';
  if (t === '' || t === 'text' || t.startsWith('text/')) return 'text';
  // Any other media type (e.g. application/octet-stream) is not text we can show.
  return t.endsWith('+xml') || t.endsWith('/xml') ? 'xhtml' : 'binary';
}
