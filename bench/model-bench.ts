// `npm run bench:model`: how close the model writer comes to the ideal schedule. A local OpenAI-compatible server
// answers every call after a fixed latency; a day of 60 topics is written at concurrency 6. Ideal wall time:
// ceil(60/6) rounds of entry calls + 1 frame call, each one latency long. Target: wall / ideal ≤ 1.2.

import { silentLog } from '../src/model/chat-client.js';
import { loadModelConfig } from '../src/model/model-config.js';
import { createOpenAiChat } from '../src/model/openai-chat.js';
import { createModelWriter } from '../src/write/model-writer.js';
import { readPrompts } from '../src/write/prompt-template.js';
import { startFakeOpenAi } from '../tests/helpers/fake-openai-server.js';
import { fakeOffline, makeDay } from '../tests/model/model-test-day.js';

const TOPICS = 60;
const CONCURRENCY = 6;
const LATENCY_MS = 300;

const server = await startFakeOpenAi({ latencyMs: LATENCY_MS });
try {
  const config = loadModelConfig({
    OPENAI_BASE_URL: server.url,
    OPENAI_API_KEY: 'bench',
    DIGEST_MODEL_CONCURRENCY: String(CONCURRENCY),
    DIGEST_MODEL_TIMEOUT_MS: '10000',
  });
  const writer = createModelWriter({
    chat: createOpenAiChat(config),
    offline: fakeOffline,
    prompts: await readPrompts(),
    concurrency: CONCURRENCY,
    log: silentLog,
    prices: config.prices,
  });
  const day = makeDay(TOPICS);
  // One warm-up call so the first measured round does not pay for module loading and the first connection.
  await writer(makeDay(1));
  server.requests.length = 0;

  const t0 = performance.now();
  const out = await writer(day);
  const wallMs = performance.now() - t0;
  const idealMs = (Math.ceil(TOPICS / CONCURRENCY) + 1) * LATENCY_MS;
  const entryCalls = server.requests.filter((r) => r.kind === 'entry').length;
  const ratio = wallMs / idealMs;

  const lines = [
    `model bench: ${TOPICS} topics, ${day.articles.length} articles, concurrency ${CONCURRENCY}, latency ${LATENCY_MS} ms`,
    `written: ${out.entries.length} entries, ${out.failedTopics.length} failed, frame by ${out.frameWriter}`,
    `wall time:   ${Math.round(wallMs)} ms`,
    `ideal:       ${idealMs} ms  ((ceil(${TOPICS}/${CONCURRENCY}) + 1) × ${LATENCY_MS})`,
    `ratio:       ${ratio.toFixed(3)}  (target ≤ 1.2) ${ratio <= 1.2 ? 'OK' : 'OVER'}`,
    `calls/topic: ${(server.requests.length / TOPICS).toFixed(3)} (${entryCalls} entry + ${server.requests.length - entryCalls} frame calls)`,
    `most in flight: ${server.maxInFlight}`,
    `input tokens/article: ${Math.round(out.usage.entry!.inputTokens / day.articles.length)} (entry prompts: ${out.usage.entry!.inputTokens} tokens for ${day.articles.length} articles, by the server's usage)`,
    `  of which the fixed instructions: ${Math.ceil(server.requests[0]!.body.messages[0]!.content.length / 4)} tokens per entry call`,
    `frame input tokens: ${out.usage.frame!.inputTokens}; output tokens: ${out.usage.entry!.outputTokens + out.usage.frame!.outputTokens}`,
  ];
  console.log(lines.join('\n'));
  if (ratio > 1.2 || out.entries.length !== TOPICS) process.exitCode = 1;
} finally {
  await server.close();
}
