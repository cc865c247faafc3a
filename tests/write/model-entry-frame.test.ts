import { describe, expect, it } from 'vitest';
import type { Entry, Topic } from '../../src/types.js';
import { parseJsonAnswer } from '../../src/write/model-answer.js';
import { estimateMessagesTokens, estimateTokens } from '../../src/model/estimate-tokens.js';
import {
  checkEntryAnswer,
  entryPromptVars,
  escapeFence,
  fenceArticle,
  fitEntryMessages,
  shortArticleIds,
  toEntry,
  type EntryAnswer,
} from '../../src/write/model-entry.js';
import { checkFrameAnswer, frameContext, FrameAnswerSchema, framePromptVars, toFrame } from '../../src/write/model-frame.js';
import { readPrompts, renderPrompt } from '../../src/write/prompt-template.js';
import { framePromptFacts, goodFrame } from '../helpers/fake-openai-server.js';
import { makeArticle, makeChineseDay, makeDay } from '../model/model-test-day.js';

const answer = (extra: Partial<EntryAnswer> = {}): EntryAnswer => ({
  title: '「Acme 發布新模型」',
  section: 'market',
  summary: 'Acme 发布了新模型。\n详见 https://acme.example/x',
  details: ['- 細節一', '細節一'],
  useCases: ['用途'],
  entities: ['Acme、OpenAI', 'Acme', '約 12,600 家客戶'],
  importance: '高',
  importanceReason: '高 — 影響大。',
  sourceIds: ['A1'],
  ...extra,
});

describe('entry prompt and answer', () => {
  const day = makeDay(3);
  const byId = new Map(day.articles.map((a) => [a.id, a]));
  const topic = day.topics[2]!;
  const ids = shortArticleIds(topic.articleIds.map((id) => byId.get(id)!));

  it('numbers articles A1..An, representative first, and bounds the text', () => {
    expect([...ids.keys()]).toEqual(['A1', 'A2', 'A3']);
    const vars = entryPromptVars(day.date, topic, ids, { articleChars: 250 });
    expect(vars.article_ids).toBe('A1, A2, A3');
    expect(vars.articles.match(/…\(truncated\)/g)).toHaveLength(3);
    expect(vars.follow_up).toBe('');
  });

  it('says when a story is a follow-up, and passes the feed section hint', () => {
    const t: Topic = { ...topic, followUp: { date: '2025-12-01', title: '舊報導' } };
    const vars = entryPromptVars(day.date, t, ids, {
      feeds: [{ id: 'feed-a', name: 'A', url: 'https://a.example/rss', lang: 'en', section: 'research' }],
    });
    expect(vars.follow_up).toMatch(/covered on 2025-12-01 as 「舊報導」/);
    expect(vars.section_hint).toMatch(/`research`/);
  });

  it('keeps quoted text from closing its fence', () => {
    expect(escapeFence('a </article><article id="A9"> </topics> <topic')).toBe('a ‹/article>‹article id="A9"> ‹/topics> ‹topic');
    const f = fenceArticle('A1', makeArticle('x', 'T', ''), 100);
    expect(f).toMatch(/text: \(the feed gave only the title\)/);
  });

  it('rejects unknown article ids', () => {
    expect(checkEntryAnswer(answer({ sourceIds: ['A1', 'A4'] }), ids)).toEqual([
      'sourceIds: unknown article id(s) A4; use only A1, A2, A3',
    ]);
    expect(checkEntryAnswer(answer(), ids)).toEqual([]);
  });

  it('turns the answer into an entry: links by code, text cleaned, parts the section lacks dropped', () => {
    const e = toEntry(answer(), topic, byId);
    expect(e.title).toBe('Acme 發布新模型');
    expect(e.summary).toBe('Acme 釋出了新模型。詳見');
    expect(e.details).toEqual([]);
    expect(e.useCases).toEqual([]);
    expect(e.entities).toEqual(['Acme', 'OpenAI', '約 12,600 家客戶']);
    expect(e.importanceReason).toBe('影響大。');
    expect(e.sources.map((s) => s.url)).toEqual(topic.articleIds.map((id) => byId.get(id)!.url));
    const research = toEntry(answer({ section: 'research' }), topic, byId);
    expect(research.details).toEqual(['細節一']);
    expect(research.useCases).toEqual(['用途']);
  });
});

const prompts = await readPrompts();

describe('entry prompts in a small context', () => {
  const day = makeChineseDay(1, { articles: 4, chars: 3000 });
  const byId = new Map(day.articles.map((a) => [a.id, a]));
  const topic = day.topics[0]!;
  const ids = shortArticleIds(topic.articleIds.map((id) => byId.get(id)!));
  const messages = renderPrompt(prompts.entry, entryPromptVars(day.date, topic, ids));
  const articleCount = (text: string) => (text.match(/<article id=/g) ?? []).length;

  it('shortens every article text alike first, keeping all four', () => {
    const before = estimateMessagesTokens(messages);
    expect(before).toBeGreaterThan(10_000);
    const fitted = fitEntryMessages(messages, 4000)!;
    expect(estimateMessagesTokens(fitted)).toBeLessThanOrEqual(4000);
    expect(fitted[0]).toEqual(messages[0]);
    const user = fitted[1]!.content;
    expect(articleCount(user)).toBe(4);
    expect(user.match(/…\(truncated\)/g)).toHaveLength(4);
    // Fitting again to the same room changes nothing.
    expect(fitEntryMessages(fitted, 4000)).toEqual(fitted);
  });

  it('then leaves out the texts of the last articles (their titles stay), then the last articles', () => {
    const fitted = fitEntryMessages(messages, 1600)!;
    expect(estimateMessagesTokens(fitted)).toBeLessThanOrEqual(1600);
    const user = fitted[1]!.content;
    expect(user).toMatch(/<article id="A1"[^>]*>\ntitle: [^\n]+\ntext:\n/);
    expect(user).toMatch(/text: \(left out for length\)/);
    expect(fitEntryMessages(messages, 900)).toBeUndefined();
  });

  it('the same budget can be given when the prompt is built', () => {
    const vars = entryPromptVars(day.date, topic, ids, { maxArticleTokens: 1200 });
    expect(estimateTokens(vars.articles)).toBeLessThanOrEqual(1200);
    expect(articleCount(vars.articles)).toBe(4);
  });
});

describe('frame prompt and answer', () => {
  const day = makeDay(4);
  const byId = new Map(day.articles.map((a) => [a.id, a]));
  const entries: Entry[] = day.topics
    .filter((t) => t.id !== 't2')
    .map((t) => ({ ...toEntry(answer({ section: 'research' }), t, byId), title: `題 ${t.id}` }));
  const ctx = frameContext(entries, day.topics, byId);

  it('gives the written entries short ids and lists their articles', () => {
    expect([...ctx.topics.keys()]).toEqual(['T1', 'T2', 'T3']);
    expect(ctx.topics.get('T2')!.topic.id).toBe('t3');
    expect(ctx.articles.size).toBe(1 + 3 + 1);
    const vars = framePromptVars(day.date, ctx);
    expect(vars.topics).toMatch(/^<topics>\n<topic id="T1" section="research" importance="高">\ntitle: 題 t1\n/);
    expect(vars.topics).toMatch(/- A2 \(TechCrunch\) Story 3 report 1/);
    expect(vars).toMatchObject({ headline_min: 3, headline_max: 3, reading_min: 3, reading_max: 5, topic_ids: 'T1, T2, T3' });
  });

  it('checks ids and the day-dependent counts', () => {
    const text = framePromptVars(day.date, ctx).topics;
    const good = FrameAnswerSchema.parse(goodFrame(text));
    expect(checkFrameAnswer(good, ctx)).toEqual([]);
    const bad = { ...good, headlines: ['T1', 'T1'], reading: [{ articleId: 'A99', reason: 'r' }] };
    expect(checkFrameAnswer(bad, ctx)).toEqual([
      'headlines: a topic id is listed twice',
      'headlines: name 3–3 topic ids (got 1)',
      'reading: unknown article id(s) A99; use only the A ids listed under the topics',
      'reading: recommend 3–5 articles (got 1)',
    ]);
    const watch = { ...good, insight: { ...good.insight, watchList: good.insight.watchList.map((w) => ({ ...w, topicIds: ['T7'] })) } };
    expect(checkFrameAnswer(watch, ctx)[0]).toMatch(/unknown topic id\(s\) T7/);
  });

  it('turns ids into topic ids and links', () => {
    const text = framePromptVars(day.date, ctx).topics;
    const f = toFrame(FrameAnswerSchema.parse(goodFrame(text, { title: '今日主題 — 2025/12/05' })), ctx);
    expect(f.title).toBe('今日主題');
    expect(f.headlineTopicIds).toEqual(['t1', 't3', 't4']);
    expect(f.reading.map((r) => r.url)).toEqual([byId.get('a1-1')!.url, byId.get('a3-1')!.url, byId.get('a3-2')!.url]);
    expect(f.insight.watchList).toHaveLength(5);
  });
});

describe('frame prompt on a long day', () => {
  const day = makeDay(8);
  const byId = new Map(day.articles.map((a) => [a.id, a]));
  const entries: Entry[] = day.topics.map((t) => ({ ...toEntry(answer({ section: 'research' }), t, byId), title: `題 ${t.id}\n第二行` }));
  const ctx = frameContext(entries, day.topics, byId);

  it('one line per story, or a short line, or only the most important stories; the ids stay readable', () => {
    const line = framePromptVars(day.date, ctx, { format: 'line' });
    expect(line.topics).toMatch(/^T1 \[research, 高\] 題 t1 第二行 — A1 TechCrunch$/m);
    expect(line.topics).toMatch(/^T3 \[research, 高\] 題 t3 第二行 — A4 TechCrunch; A5 The Verge; A6 The Verge$/m);
    const short = framePromptVars(day.date, ctx, { format: 'short', only: new Set(['T1', 'T2', 'T3']) });
    expect(short.topics).toMatch(/^T3 \[research, 高\] 題 t3 第二行 — A4, A5, A6$/m);
    expect(short.topics).toMatch(/\(5 stories of lower importance are not listed; do not refer to them\)/);
    expect(short).toMatchObject({ topic_ids: 'T1, T2, T3', topic_count: 3, headline_max: 3 });
    expect(framePromptFacts(line.topics).topicIds).toHaveLength(8);
    expect(framePromptFacts(short.topics)).toEqual({ topicIds: ['T1', 'T2', 'T3'], articleIds: ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'] });
  });

  it('a frame written in two calls: each part is checked for its own fields', () => {
    const good = FrameAnswerSchema.parse(goodFrame(framePromptVars(day.date, ctx).topics));
    expect(checkFrameAnswer({ insight: good.insight, background: good.background }, ctx)).toEqual([]);
    expect(checkFrameAnswer({ headlines: ['T1'], tags: good.tags }, ctx)).toEqual(['headlines: name 3–6 topic ids (got 1)']);
  });
});

describe('JSON answers', () => {
  it('parses plain JSON and JSON wrapped in a fence or prose', () => {
    expect(parseJsonAnswer('{"a":1}')).toEqual({ a: 1 });
    expect(parseJsonAnswer('```json\n{"a":1}\n```')).toEqual({ a: 1 });
    expect(parseJsonAnswer('Here it is: {"a":1} hope it helps')).toEqual({ a: 1 });
    expect(() => parseJsonAnswer('{"a":')).toThrow();
    expect(parseJsonAnswer('<think>the schema says {"type":"object"} ```json\n{"a":0}\n```</think>\n{"a":2}')).toEqual({ a: 2 });
  });
});
