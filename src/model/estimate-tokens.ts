// A tokenizer stand-in for budgets, without shipping a tokenizer per model family. Chinese is the case that matters:
// `chars / 4` undercounts it 3–4× (a CJK character is 0.7–1 token in every common tokenizer), so CJK counts one
// token a character and everything else one per 3.6 characters, a little more than English prose needs: an
// estimate that errs high makes a prompt shrink a little early instead of overflowing a small context.

import type { ChatMessage } from './chat-client.js';

const OTHER_CHARS_PER_TOKEN = 3.6;
/** Chat templates wrap each message in role markers; the whole prompt gets a few tokens more. */
const PER_MESSAGE = 4;
const PER_PROMPT = 3;

/** Tokens kept free beside prompt and budget in a window of `window`: an estimate is not the server's tokenizer. */
export function contextMargin(window: number): number {
  return Math.ceil(window * 0.03) + 16;
}

export function isCjk(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0x20000 && code <= 0x2fa1f)
  );
}

export function estimateTokens(text: string): number {
  let cjk = 0;
  let other = 0;
  for (const ch of text) {
    if (isCjk(ch.codePointAt(0)!)) cjk++;
    else other++;
  }
  return cjk + Math.ceil(other / OTHER_CHARS_PER_TOKEN);
}

export function estimateMessagesTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce((n, m) => n + estimateTokens(m.content) + PER_MESSAGE, PER_PROMPT);
}

/** The longest prefix of `text` estimated at no more than `tokens`. */
export function truncateToTokens(text: string, tokens: number): string {
  if (tokens <= 0) return '';
  let cost = 0;
  let end = 0;
  for (const ch of text) {
    cost += isCjk(ch.codePointAt(0)!) ? 1 : 1 / OTHER_CHARS_PER_TOKEN;
    if (Math.ceil(cost) > tokens) break;
    end += ch.length;
  }
  return text.slice(0, end);
}
