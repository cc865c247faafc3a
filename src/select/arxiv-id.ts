// arXiv identities: the same paper reaches us as a listing (arxiv.org/abs), a PDF link, an OAI guid, a citation in
// text ("arXiv:2512.01234v2") or a Hugging Face papers page. Selection needs one key for all of them (to see that a
// paper is also in the news) and the announcement kind (a `replace` is an old paper with a new version).

import { ANNOUNCE_TYPES, type AnnounceType } from '../types.js';

// New-style ids (since 2007-04): YYMM.NNNN, five digits since 2015-01; the month must be a month.
const NEW_ID = String.raw`\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}`;
// Old-style ids: archive[.SUBJECT]/YYMMNNN, e.g. cs/0101001, math.GT/0309136, hep-th/9901001.
const OLD_ID = String.raw`[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?\/\d{7}`;
const ID = `(${NEW_ID}|${OLD_ID})(?:v\\d+)?`;
// What may precede an id: an arxiv.org path, an OAI identifier, the "arXiv:" citation prefix, a Hugging Face
// papers page. A bare number is never taken for an id: in prose it is too often something else.
const CONTEXTS = [
  String.raw`arxiv\.org\/(?:abs|pdf|html|format|ps)\/`,
  String.raw`oai:arxiv\.org:`,
  String.raw`\barxiv:\s?`,
  String.raw`huggingface\.co\/papers\/`,
];
const ARXIV_ID_RE = new RegExp(`(?:${CONTEXTS.join('|')})${ID}(?![\\d])`, 'i');

/** The paper id without version (`2512.01234`, `cs/0101001`) from an arXiv or Hugging Face papers URL or a citation. */
export function arxivIdOf(urlOrText: string): string | undefined {
  const m = ARXIV_ID_RE.exec(urlOrText);
  if (!m) return undefined;
  const id = m[1]!;
  // The match is case-insensitive for the prefixes; an old-style archive name is lower case, its subject class upper.
  const slash = id.indexOf('/');
  if (slash < 0) return id;
  const [archive, subject] = id.slice(0, slash).split('.') as [string, string | undefined];
  return `${archive.toLowerCase()}${subject ? `.${subject.toUpperCase()}` : ''}${id.slice(slash)}`;
}

// Longest first, so that "replace-cross" is not read as "replace".
const ANNOUNCE_RE = new RegExp(`Announce Type:\\s*(${[...ANNOUNCE_TYPES].sort((a, b) => b.length - a.length).join('|')})(?![\\w-])`, 'i');

/** The announcement kind from an arXiv RSS description (`arXiv:2512.01234v2 Announce Type: replace-cross …`). */
export function announceTypeOf(text: string): AnnounceType | undefined {
  const m = ANNOUNCE_RE.exec(text);
  return m ? (m[1]!.toLowerCase() as AnnounceType) : undefined;
}
