// The content address of a model answer: same prompt (name + version), same model, same messages → same answer.
// The cache and the recorded fixtures share it, so a recording doubles as a warm cache and vice versa.

import { createHash } from 'node:crypto';
import type { ChatMessage } from './chat-client.js';

export interface AnswerKeyParts {
  prompt: string;
  version: string;
  model: string;
  messages: ChatMessage[];
}

export function answerKey(parts: AnswerKeyParts): string {
  // A fixed field order and only role/content, so the key never depends on how an object happened to be built.
  const canonical = JSON.stringify([parts.prompt, parts.version, parts.model, parts.messages.map((m) => [m.role, m.content])]);
  return createHash('sha256').update(canonical).digest('hex');
}
