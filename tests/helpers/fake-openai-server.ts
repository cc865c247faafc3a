// A local OpenAI-compatible server for tests and the benchmark: node:http on 127.0.0.1, a random port, answers
// POST /v1/chat/completions from a per-test script. The real openai SDK talks to it over real HTTP, so retries,
// timeouts, headers and the JSON-schema fallback are exercised as they are against a real server.
// Usage figures are counted like a tokenizer would roughly: characters / 4.
//
// For servers that are not shaped like OpenAI's (tests/helpers/server-personalities.ts): `anyPath` hands every
// request, whatever its method, path or body, to the handler, which sees the path, query and headers, and a
// `{ response }` reply sends any status, headers and body verbatim (a JSON array, a flat object, blank lines).

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeMessage {
  role: string;
  content: string;
}

export interface FakeRequest {
  /** 0-based arrival order. */
  index: number;
  body: {
    model: string;
    messages: FakeMessage[];
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
    temperature?: number;
    max_tokens?: number;
    max_completion_tokens?: number;
    /** Any other field the client sent (reasoning_effort, enable_thinking, chat_template_kwargs, ...). */
    [field: string]: unknown;
  };
  /** HTTP method, e.g. `POST`. */
  method: string;
  /** Path and query as sent, e.g. `/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21`. */
  path: string;
  /** Request headers, names in lower case. */
  headers: Record<string, string>;
  /** The body exactly as received (the body above is `{}` when this is not a JSON object). */
  rawBody: string;
  /** All message contents joined, for matching in handlers. */
  text: string;
  /** `entry` or `frame`, recognised from the prompt (a frame in one line per story too). */
  kind: 'entry' | 'frame' | 'triage' | 'other';
  /** True for a repair request (the conversation already holds an assistant answer). */
  repair: boolean;
}

export type FakeReply =
  | { json: unknown; finishReason?: string; delayMs?: number }
  | { content: string; finishReason?: string; delayMs?: number }
  | { status: number; error?: { message: string; type?: string; code?: string }; headers?: Record<string, string>; delayMs?: number }
  | { hang: true }
  /** A 200 whose body is this text, as is. */
  | { raw: string }
  /** Sends status and headers, then never the body. */
  | { hangAfterHeaders: true }
  /** Any status, headers and body, sent as given (no `{error}` wrapping, no content-type unless given). */
  | { response: { status: number; headers?: Record<string, string>; body: string }; delayMs?: number };

export type FakeHandler = (req: FakeRequest) => FakeReply | Promise<FakeReply>;

export interface FakeOpenAi {
  /** Base URL for OPENAI_BASE_URL, ending in /v1. */
  url: string;
  /** `http://127.0.0.1:<port>`, for servers whose base path is not /v1. */
  origin: string;
  requests: FakeRequest[];
  /** Most requests in flight at once. */
  maxInFlight: number;
  setHandler(handler: FakeHandler): void;
  close(): Promise<void>;
}

export const tokensOf = (chars: number) => Math.ceil(chars / 4);

export interface FakeOpenAiOptions {
  handler?: FakeHandler;
  latencyMs?: number;
  /** Hand every request to the handler, whatever its method and path (default: only POST .../chat/completions). */
  anyPath?: boolean;
}

export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  let handler: FakeHandler = options.handler ?? goodModel;
  const requests: FakeRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = req.url ?? '/';
    const pathname = path.split('?')[0]!;
    if (!options.anyPath && (req.method !== 'POST' || !pathname.endsWith('/chat/completions'))) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const rawBody = Buffer.concat(chunks).toString('utf8');
    let parsed: unknown;
    try {
      parsed = rawBody ? JSON.parse(rawBody) : {};
    } catch {
      parsed = undefined;
    }
    if (!options.anyPath && (parsed === undefined || typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))) {
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: 'request body is not a JSON object' } }));
      return;
    }
    const body = (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {}) as FakeRequest['body'];
    const messages = Array.isArray(body.messages) ? body.messages : [];
    const text = messages.map((m) => (typeof m?.content === 'string' ? m.content : '')).join('\n');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    const fr: FakeRequest = {
      index: requests.length,
      body,
      method: req.method ?? 'GET',
      path,
      headers,
      rawBody,
      text,
      kind: text.includes('<article id=')
        ? 'entry'
        : text.includes('<topics>')
          ? 'frame'
          : text.includes('<candidates>')
            ? 'triage'
            : 'other',
      repair: messages.some((m) => m?.role === 'assistant'),
    };
    requests.push(fr);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const done = () => {
      inFlight--;
    };
    res.on('close', done);
    try {
      const reply = await handler(fr);
      if ('hang' in reply) return; // never answers; the client's timeout must end it
      if ('raw' in reply) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(reply.raw);
        return;
      }
      if ('hangAfterHeaders' in reply) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.flushHeaders();
        res.write('{"id":"chatcmpl-slow",');
        return;
      }
      const delay = (reply.delayMs ?? 0) + (options.latencyMs ?? 0);
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      if ('response' in reply) {
        res.writeHead(reply.response.status, reply.response.headers ?? {});
        res.end(reply.response.body);
        return;
      }
      if ('status' in reply) {
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(JSON.stringify({ error: reply.error ?? { message: `status ${reply.status}`, type: 'server_error' } }));
        return;
      }
      const content = 'json' in reply ? JSON.stringify(reply.json) : reply.content;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: `chatcmpl-${fr.index}`,
          object: 'chat.completion',
          created: 1_765_000_000,
          model: body.model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content, refusal: null },
              finish_reason: reply.finishReason ?? 'stop',
              logprobs: null,
            },
          ],
          usage: {
            prompt_tokens: tokensOf(text.length),
            completion_tokens: tokensOf(content.length),
            total_tokens: tokensOf(text.length) + tokensOf(content.length),
          },
        }),
      );
    } catch (err) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: String(err) } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    origin: `http://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    setHandler(h) {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ── A well-behaved model: valid answers built from the ids in the prompt ─────────────────────────────────────

/** The article ids (A1..) an entry prompt offers, and the first article's title. */
export function entryPromptFacts(text: string): { articleIds: string[]; title: string; sources: string[] } {
  const articleIds = [...text.matchAll(/<article id="(A\d+)"/g)].map((m) => m[1]!);
  const title = /<article id="A1"[^>]*>\ntitle: (.*)/.exec(text)?.[1] ?? '新聞';
  const sources = [...new Set([...text.matchAll(/<article id="A\d+" source="([^"]*)"/g)].map((m) => m[1]!))];
  return { articleIds, title, sources };
}

export function goodEntry(text: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { articleIds, title, sources } = entryPromptFacts(text);
  return {
    title: `${title} 的最新進展`,
    section: 'research',
    summary: `報導指出：${title}。此事對相關領域的開發者與企業具參考價值。`,
    details: ['作者說明了方法的主要設計。', '文章描述了評測方式。'],
    useCases: ['研究人員可據此比較不同方法。'],
    // Names the articles give (their outlets), so a correct answer is also a grounded one.
    entities: sources.length ? sources : ['新聞'],
    importance: '中',
    importanceReason: '在其領域內值得注意。',
    sourceIds: articleIds.slice(0, 1),
    ...overrides,
  };
}

/** The topic ids (T1..) and article ids (A1..) a frame prompt offers, in block or one-line-per-story form. */
export function framePromptFacts(text: string): { topicIds: string[]; articleIds: string[] } {
  const blocks = [...text.matchAll(/<topic id="(T\d+)"/g)].map((m) => m[1]!);
  if (blocks.length) return { topicIds: blocks, articleIds: [...text.matchAll(/^- (A\d+) /gm)].map((m) => m[1]!) };
  // One line per story: `T3 [section, importance] title — A5 Outlet; A6 Outlet` or `… — A5, A6 +2`.
  const lines = [...text.matchAll(/^(T\d+) \[[^\]]*\] .* — (.*)$/gm)];
  return { topicIds: lines.map((m) => m[1]!), articleIds: lines.flatMap((m) => [...m[2]!.matchAll(/\bA\d+\b/g)].map((a) => a[0])) };
}

export function goodFrame(text: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { topicIds, articleIds } = framePromptFacts(text);
  const t = (i: number) => topicIds[i % topicIds.length]!;
  return {
    title: '代理人工智慧與資料平台的轉捩點',
    tags: ['Agent', '資料平台', 'LLM', '模型安全', '開源'],
    description: '整理今日 AI 產業與技術要聞。',
    summary: '涵蓋模型、工具與市場的重點。',
    headlines: topicIds.slice(0, Math.min(3, topicIds.length)),
    insight: {
      trends: ['今日的主線是代理與資料平台。'],
      context: ['技術上延續了先前的工作。'],
      outlook: ['預期後續會有更多整合。'],
      watchList: [0, 1, 2, 3, 4].map((i) => ({ text: `關注第 ${i + 1} 項後續發展`, topicIds: [t(i)] })),
    },
    reading: articleIds.slice(0, Math.min(3, articleIds.length)).map((id) => ({ articleId: id, reason: '說明最完整。' })),
    background: [
      { term: '代理', english: 'Agent', explanation: '能自主規劃並執行任務的系統。' },
      { term: '檢索增強生成', english: 'RAG', explanation: '先檢索資料再生成回答的方法。' },
      { term: '微調', english: 'Fine-tuning', explanation: '以特定資料再訓練模型。' },
      { term: '推論', english: 'Inference', explanation: '以訓練好的模型產生輸出。' },
    ],
    keywords: ['Agent', 'LLM', '資料平台', '模型安全', '開源', '推論', '微調', 'RAG'],
    ...overrides,
  };
}

/**
 * A correct triage answer: every candidate line (`S<n> [outlets] title — text`) scored; relevance 3 and importance
 * 2 unless `score` says otherwise for a line.
 */
export function goodTriage(
  promptText: string,
  score: (line: string) => { relevance: number; importance: number } = () => ({ relevance: 3, importance: 2 }),
) {
  const block = /<candidates>\n([\s\S]*?)\n<\/candidates>/.exec(promptText)?.[1] ?? '';
  return {
    scores: block
      .split('\n')
      .filter(Boolean)
      .map((line) => ({ id: line.split(' ')[0]!, ...score(line) })),
  };
}

/** The default handler: a model that always answers correctly. */
export const goodModel: FakeHandler = (req) => {
  if (req.kind === 'entry') return { json: goodEntry(req.text) };
  if (req.kind === 'frame') return { json: goodFrame(req.text) };
  if (req.kind === 'triage') return { json: goodTriage(req.text) };
  return { json: {} };
};
