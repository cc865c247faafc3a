// What a model server said when it refused a request, whatever shape it said it in. The openai SDK builds its error
// from `body.error` only: a JSON array (Gemini), a flat object (vLLM < 0.10.1), `{"error":"Unauthorized"}`,
// `{"detail":…}` or plain text all become "400 status code (no body)", and every decision that reads the message
// (JSON-mode fallback, parameter switches, context overflow) silently never fires. So the client gets a `fetch`
// that reads every non-2xx body itself and hands the SDK one normal shape, `{error: ServerError}`; the server's own
// words survive into the message and the final error text.

export interface ServerError {
  status: number;
  /** The server's words, never empty. */
  message: string;
  code?: string;
  type?: string;
  param?: string;
  /** A wait the server asked for in the body (Gemini's RetryInfo, "try again in 3.89s"), not in Retry-After. */
  retryDelayMs?: number;
  /** Context figures some servers add (llama-server: n_ctx, n_prompt_tokens). */
  contextTokens?: number;
  promptTokens?: number;
  /** The body as received (shortened), for logs. */
  raw: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** "17s", "1.5s", "120ms", "6m0s", "1h2m" as milliseconds. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (!/^(\d+(\.\d+)?(ms|h|m|s))+$/.test(t)) return undefined;
  let ms = 0;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    const n = Number(m[1]);
    ms += m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60_000 : n * 3_600_000;
  }
  return Math.round(ms);
}

/** A wait written into a message: "Please try again in 3.89s", "retry after 6 seconds", "Try again in 2 seconds". */
function waitInMessage(message: string): number | undefined {
  const m = /(?:try again|retry)(?: after| in)\s+(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|sec|seconds?|m|min|minutes?)\b/i.exec(message);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  return Math.round(unit.startsWith('ms') || unit.startsWith('milli') ? n : unit.startsWith('m') ? n * 60_000 : n * 1000);
}

function fromErrorObject(e: Obj, into: Partial<ServerError>): void {
  let message = str(e.message) ?? str(e.msg) ?? str(e.error);
  // Ollama ≥ 0.30 passes llama-server's JSON error through as the message text.
  const inner = message?.startsWith('{') ? parseJson(message) : undefined;
  if (isObj(inner)) {
    const ie = isObj(inner.error) ? inner.error : inner;
    message = str(ie.message) ?? message;
    into.type ??= str(ie.type);
    into.contextTokens ??= num(ie.n_ctx);
    into.promptTokens ??= num(ie.n_prompt_tokens);
  }
  into.message ??= message;
  into.code ??= str(e.code) ?? str(e.status);
  into.type ??= str(e.type);
  into.param ??= str(e.param);
  into.contextTokens ??= num(e.n_ctx);
  into.promptTokens ??= num(e.n_prompt_tokens);
  if (Array.isArray(e.details)) {
    for (const d of e.details) {
      if (!isObj(d)) continue;
      // Gemini: the wait is a RetryInfo detail; a bad key is an ErrorInfo reason on a 400.
      if (typeof d.retryDelay === 'string') into.retryDelayMs ??= parseDuration(d.retryDelay);
      if (typeof d.reason === 'string') into.code = d.reason;
    }
  }
}

/** Reads a refusal body of any shape into one. `headers` supply an OpenAI-style reset time when the body has none. */
export function readServerError(status: number, text: string, headers?: { get(name: string): string | null }): ServerError {
  const raw = text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  const out: Partial<ServerError> = {};
  const body = parseJson(text.trim());
  const first = Array.isArray(body) ? body[0] : body;
  if (isObj(first)) {
    if (isObj(first.error)) fromErrorObject(first.error, out);
    else if (typeof first.error === 'string') {
      out.message = first.error;
      fromErrorObject(first, out);
    } else if (first.detail !== undefined) {
      // FastAPI-style servers: a string, or a list of validation problems.
      out.message = Array.isArray(first.detail)
        ? first.detail
            .map((d) => (isObj(d) ? `${Array.isArray(d.loc) ? `${d.loc.join('.')}: ` : ''}${str(d.msg) ?? JSON.stringify(d)}` : String(d)))
            .join('; ')
        : (str(first.detail) ?? JSON.stringify(first.detail));
    } else fromErrorObject(first, out);
  } else if (typeof first === 'string' && first.trim()) out.message = first.trim();
  if (!out.message) {
    const plain = text
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    out.message = plain ? plain.slice(0, 500) : `HTTP ${status} with an empty body`;
  }
  out.retryDelayMs ??= waitInMessage(out.message);
  if (out.retryDelayMs === undefined && headers && status === 429) {
    const reset = [headers.get('x-ratelimit-reset-tokens'), headers.get('x-ratelimit-reset-requests')]
      .map((h) => (h ? parseDuration(h) : undefined))
      .filter((n): n is number => n !== undefined);
    if (reset.length) out.retryDelayMs = Math.max(...reset);
  }
  return { status, ...out, message: out.message, raw };
}

type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * `fetch` for the SDK: 2xx passes through untouched; any other response is re-sent to the SDK as
 * `{"error": ServerError}`, with a wait found in the body also given as `retry-after-ms` so the one retry policy
 * (src/util/retry-policy.ts) reads it like any Retry-After header.
 */
export function errorReadingFetch(inner: FetchLike = globalThis.fetch): FetchLike {
  return async (input, init) => {
    const res = await inner(input, init);
    if (res.ok) return res;
    const text = await res.text().catch(() => '');
    const error = readServerError(res.status, text, res.headers);
    const headers = new Headers(res.headers);
    for (const h of ['content-length', 'content-encoding', 'transfer-encoding']) headers.delete(h);
    headers.set('content-type', 'application/json');
    if (error.retryDelayMs !== undefined && !headers.has('retry-after') && !headers.has('retry-after-ms'))
      headers.set('retry-after-ms', String(error.retryDelayMs));
    return new Response(JSON.stringify({ error }), { status: res.status, statusText: res.statusText, headers });
  };
}

/** The normalized error an SDK APIError carries (`err.error`), if it came through errorReadingFetch. */
export function serverErrorOf(apiError: { error?: unknown; status?: unknown; message?: string }): ServerError | undefined {
  const e = apiError.error;
  if (!isObj(e) || typeof e.message !== 'string') return undefined;
  return {
    status: typeof apiError.status === 'number' ? apiError.status : 0,
    ...(e as Partial<ServerError>),
    message: e.message,
    raw: typeof e.raw === 'string' ? e.raw : '',
  };
}
