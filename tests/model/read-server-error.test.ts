// Refusals in every shape real servers send (bodies quoted in /work/notes/model-servers.md) read into one, and the
// decision each one calls for; vLLM's context overflow names max_tokens and must not switch the token parameter.

import { describe, expect, it } from 'vitest';
import { readRejection, type SentRequest } from '../../src/model/read-rejection.js';
import { errorReadingFetch, parseDuration, readServerError } from '../../src/model/server-error.js';

const sent = (extra: Partial<SentRequest> = {}): SentRequest => ({
  fields: new Set(['model', 'messages', 'max_tokens', 'temperature', 'response_format']),
  tokenParam: 'max_tokens',
  mode: 'json_schema',
  ...extra,
});
const read = (status: number, body: unknown, headers?: Record<string, string>) =>
  readServerError(status, typeof body === 'string' ? body : JSON.stringify(body), headers ? new Headers(headers) : undefined);

describe('readServerError: every body shape, the same fields', () => {
  it('OpenAI nested object', () => {
    const e = read(400, {
      error: {
        message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        type: 'invalid_request_error',
        param: 'max_tokens',
        code: 'unsupported_parameter',
      },
    });
    expect(e).toMatchObject({ status: 400, param: 'max_tokens', code: 'unsupported_parameter', type: 'invalid_request_error' });
  });

  it('Gemini: a JSON array, with RetryInfo and ErrorInfo details', () => {
    const limited = read(429, [
      {
        error: {
          code: 429,
          status: 'RESOURCE_EXHAUSTED',
          message: 'You exceeded your current quota.',
          details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '17s' }],
        },
      },
    ]);
    expect(limited).toMatchObject({ message: 'You exceeded your current quota.', retryDelayMs: 17_000 });
    const key = read(400, [
      {
        error: {
          code: 400,
          status: 'INVALID_ARGUMENT',
          message: 'API key not valid. Please pass a valid API key.',
          details: [{ reason: 'API_KEY_INVALID' }],
        },
      },
    ]);
    expect(key).toMatchObject({ message: 'API key not valid. Please pass a valid API key.', code: 'API_KEY_INVALID' });
  });

  it('vLLM < 0.10.1 flat body, vLLM --api-key, FastAPI detail, plain text, nothing', () => {
    expect(
      read(400, {
        object: 'error',
        message: "This model's maximum context length is 8192 tokens.",
        type: 'BadRequestError',
        param: null,
        code: 400,
      }),
    ).toMatchObject({ message: "This model's maximum context length is 8192 tokens.", code: '400' });
    expect(read(401, { error: 'Unauthorized' }).message).toBe('Unauthorized');
    expect(read(422, { detail: [{ loc: ['body', 'top_k'], msg: 'Extra inputs are not permitted' }] }).message).toBe(
      'body.top_k: Extra inputs are not permitted',
    );
    expect(read(404, { detail: 'Not Found' }).message).toBe('Not Found');
    expect(read(502, '<html><body><h1>502 Bad Gateway</h1></body></html>').message).toBe('502 Bad Gateway');
    expect(read(500, '').message).toBe('HTTP 500 with an empty body');
  });

  it("Ollama ≥ 0.30: llama-server's error JSON inside the message, with n_ctx", () => {
    const inner = JSON.stringify({
      error: {
        code: 400,
        message: 'request (5024 tokens) exceeds the available context size (4096 tokens), try increasing it',
        type: 'exceed_context_size_error',
        n_prompt_tokens: 5024,
        n_ctx: 4096,
      },
    });
    const e = read(400, { error: { message: inner, type: 'invalid_request_error', param: null, code: null } });
    expect(e).toMatchObject({
      message: 'request (5024 tokens) exceeds the available context size (4096 tokens), try increasing it',
      contextTokens: 4096,
      promptTokens: 5024,
    });
  });

  it('finds the wait in the message, then in x-ratelimit-reset-*', () => {
    expect(read(429, { error: { message: 'Rate limit reached for gpt-4.1 … Please try again in 3.89s. Visit …' } }).retryDelayMs).toBe(
      3890,
    );
    expect(read(429, { error: { code: '429', message: 'Requests … Please retry after 86400 seconds.' } }).retryDelayMs).toBe(86_400_000);
    expect(
      read(429, { error: { message: 'slow down' } }, { 'x-ratelimit-reset-tokens': '6m0s', 'x-ratelimit-reset-requests': '120ms' })
        .retryDelayMs,
    ).toBe(360_000);
    expect(parseDuration('1h2m3.5s')).toBe(3_723_500);
    expect(parseDuration('soon')).toBeUndefined();
  });

  it('the fetch wrapper hands the SDK {error} and the wait as retry-after-ms; 2xx passes untouched', async () => {
    const inner = async () =>
      new Response(JSON.stringify([{ error: { code: 429, message: 'quota', details: [{ retryDelay: '2s' }] } }]), { status: 429 });
    const r = await errorReadingFetch(inner)('http://x');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after-ms')).toBe('2000');
    expect(((await r.json()) as { error: { message: string } }).error.message).toBe('quota');
    const ok = new Response('{"ok":true}', { status: 200 });
    expect(await errorReadingFetch(async () => ok)('http://x')).toBe(ok);
  });
});

describe('readRejection: what to change', () => {
  it("vLLM's budget overflow names max_tokens but is a context problem, with its three numbers", () => {
    const e = read(400, {
      error: {
        message:
          "'max_tokens' or 'max_completion_tokens' is too large: 2000. This model's maximum context length is 4096 tokens and your request has 3900 input tokens (2000 > 4096 - 3900).",
        type: 'BadRequestError',
        param: null,
        code: 400,
      },
    });
    expect(readRejection(e, sent())).toEqual({ kind: 'context', maxTokens: 2000, contextTokens: 4096, promptTokens: 3900 });
  });

  it.each([
    [
      "This model's maximum context length is 8192 tokens. However, you requested 9064 tokens (9000 in the messages, 64 in the completion). Please reduce the length of the messages or completion.",
      { contextTokens: 8192, promptTokens: 9000, maxTokens: 64 },
    ],
    [
      "This model's maximum context length is 128000 tokens. However, your messages resulted in 130021 tokens. Please reduce the length of the messages.",
      { contextTokens: 128_000, promptTokens: 130_021 },
    ],
    [
      "This model's maximum context length is 8192 tokens. However, your request has 9000 input tokens. Please reduce the length of the input messages.",
      { contextTokens: 8192, promptTokens: 9000 },
    ],
    [
      "You passed 12289 input tokens and requested 4096 output tokens. However, the model's context length is only 16384 tokens, resulting in a maximum input length of 12288 tokens.",
      { contextTokens: 16_384, promptTokens: 12_289, maxTokens: 4096 },
    ],
    [
      'request (13392 tokens) exceeds the available context size (8192 tokens), try increasing it',
      { contextTokens: 8192, promptTokens: 13_392 },
    ],
    [
      'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).',
      { contextTokens: 1_048_576, promptTokens: 1_200_000 },
    ],
    ['<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, 98304]', { inputLimit: 98_304 }],
    ['the prompt is longer than the context length currently available to the model; shorten the prompt', {}],
  ])('context: %s', (message, figures) => {
    expect(readRejection(read(400, { error: { message } }), sent())).toEqual({ kind: 'context', ...figures });
  });

  it('parameters: max_tokens, max_completion_tokens, temperature, reasoning_effort, output caps', () => {
    const r = (message: string, param?: string, s = sent()) => readRejection(read(400, { error: { message, param } }), s);
    expect(
      r("Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", 'max_tokens'),
    ).toEqual({ kind: 'token-param', to: 'max_completion_tokens' });
    expect(
      r(
        'Unrecognized request argument supplied: max_completion_tokens',
        undefined,
        sent({ tokenParam: 'max_completion_tokens', fields: new Set(['max_completion_tokens']) }),
      ),
    ).toEqual({ kind: 'token-param', to: 'max_tokens' });
    expect(
      r("Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.", 'temperature'),
    ).toEqual({ kind: 'no-temperature' });
    expect(
      r(
        "Unsupported value: 'reasoning_effort' does not support 'minimal' with this model.",
        'reasoning_effort',
        sent({ fields: new Set(['reasoning_effort']) }),
      ),
    ).toEqual({ kind: 'no-effort' });
    expect(
      r('max_tokens is too large: 40000. This model supports at most 32768 completion tokens, whereas you provided 40000.', 'max_tokens'),
    ).toEqual({ kind: 'max-output', max: 32_768 });
    expect(r('Invalid max_tokens value, the valid range of max_tokens is [1, 8192]')).toEqual({ kind: 'max-output', max: 8192 });
  });

  it('formats and fields: json_schema refusals, Gemini unknown names, DashScope thinking', () => {
    const r = (message: string, s = sent()) => readRejection(read(400, { error: { message } }), s);
    expect(r('This response_format type is unavailable now')).toEqual({ kind: 'json-mode' });
    expect(r("Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.")).toEqual({
      kind: 'json-mode',
    });
    expect(r(`Invalid JSON payload received. Unknown name "$schema" at 'generation_config.response_schema': Cannot find field.`)).toEqual({
      kind: 'json-mode',
    });
    expect(
      r(
        'Invalid JSON payload received. Unknown name "enable_thinking": Cannot find field.',
        sent({ fields: new Set(['enable_thinking']) }),
      ),
    ).toEqual({ kind: 'drop-field', field: 'enable_thinking' });
    expect(r('parameter.enable_thinking must be set to false for non-streaming calls')).toEqual({
      kind: 'thinking-off',
      extra: { enable_thinking: false },
    });
    expect(r('This response_format type is unavailable now', sent({ mode: 'prompt' }))).toEqual({ kind: 'none' });
    expect(r('The model `x` does not exist or you do not have access to it.')).toEqual({ kind: 'none' });
  });
});
