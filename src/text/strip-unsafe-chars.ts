// The one rule for characters that third-party text may not carry into the digest. Feeds are written by people
// we do not know and the digest is a public page: a control character can break the YAML front matter or a
// terminal, a noncharacter or lone surrogate is not valid text at all, and direction overrides reorder what a
// reader sees relative to what the checks read ("Trojan Source", CVE-2021-42574). Entities such as &#127;,
// &#x9c; or &#xFFFE; decode to exactly these characters, so the rule runs on decoded text.
//
// Removed:
// - C0 controls except TAB and LF, DEL, C1 controls (U+0080–U+009F);
// - noncharacters: U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE, ...);
// - lone surrogates (a truncated or forged UTF-16 pair);
// - bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), and the implicit marks LRM, RLM and
//   ALM (U+200E, U+200F, U+061C). The marks cannot reorder a run by themselves, but they are invisible, carry no
//   meaning in the Chinese and English text we publish, and still flip where neighbouring punctuation and digits
//   are shown; nothing is lost by dropping them;
// - U+FEFF (a BOM inside text), the interlinear annotation controls U+FFF9–U+FFFB and the Unicode tag
//   characters U+E0000–U+E007F: all invisible, and tag characters are a known way to smuggle hidden
//   instructions to a language model.
// Turned into a line feed rather than removed: CR, VT, FF, NEL (U+0085), LINE and PARAGRAPH SEPARATOR (U+2028,
// U+2029). They separate words; deleting them would glue the words on either side together.
//
// Kept on purpose: zero-width joiners and variation selectors (emoji and CJK variants need them).

const LINE_BREAKS = /\r\n|[\r\v\f\u0085\u2028\u2029]/g;

// `u` flag: code points, so an astral noncharacter or tag character is matched whole and a surrogate pair is
// never mistaken for two lone surrogates.
const UNSAFE =
  /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufeff\ufff9-\ufffb\ufffe\uffff\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{3fffe}\u{3ffff}\u{4fffe}\u{4ffff}\u{5fffe}\u{5ffff}\u{6fffe}\u{6ffff}\u{7fffe}\u{7ffff}\u{8fffe}\u{8ffff}\u{9fffe}\u{9ffff}\u{afffe}\u{affff}\u{bfffe}\u{bffff}\u{cfffe}\u{cffff}\u{dfffe}\u{dffff}\u{e0000}-\u{e007f}\u{efffe}\u{effff}\u{ffffe}\u{fffff}\u{10fffe}\u{10ffff}]|\p{Cs}/gu;

/** Text without the characters listed above; TAB and LF survive, other line-breaking controls become LF. */
export function stripUnsafeChars(text: string): string {
  return text.replace(LINE_BREAKS, '\n').replace(UNSAFE, '');
}
