import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterArticles } from '../../src/cluster/cluster-articles.js';
import {
  applyStoryLedger,
  articleFacts,
  emptyStoryLedger,
  parseStoryLedger,
  readStoryLedger,
  recordStories,
  writeStoryLedger,
  type StoryLedger,
} from '../../src/cluster/story-ledger.js';
import type { Article, Topic } from '../../src/types.js';
import { loadFixtureDay } from './load-fixture-day.js';

function article(id: string, title: string, text = '', lang: 'en' | 'zh' = 'en'): Article {
  return { id, feedId: 'f', source: 'Feed', url: `https://example.com/${id}`, title, text, publishedAt: '2025-12-04T10:00:00.000Z', lang };
}

const day1 = [
  article(
    'a1',
    'Anthropic signs $200M deal to bring its LLMs to Snowflake customers',
    'Snowflake will offer Claude models to its enterprise customers in a multi-year deal worth $200 million.',
  ),
  article('b1', 'Hugging Face releases SmolLM3, a small open model', 'SmolLM3 is a 3 billion parameter open model with long context.'),
];

describe('recordStories', () => {
  it('records one story per topic with its articles, URLs and facts', () => {
    const topics = clusterArticles(day1);
    const ledger = recordStories(emptyStoryLedger(), '2025-12-05', [{ topic: topics[0]!, title: 'Anthropic 與 Snowflake 簽約' }], day1);
    expect(ledger.days).toHaveLength(1);
    const story = ledger.days[0]!.stories[0]!;
    expect(story.title).toBe('Anthropic 與 Snowflake 簽約');
    expect(story.urls).toEqual(['https://example.com/a1']);
    expect(story.facts).toEqual(expect.arrayContaining(['anthropic', 'snowflake', '#:200000000']));
  });

  it('replaces the entry of a re-run date and keeps only the 7 most recent dates', () => {
    const topics = clusterArticles(day1);
    let ledger: StoryLedger = emptyStoryLedger();
    for (let d = 1; d <= 9; d++)
      ledger = recordStories(
        ledger,
        `2025-12-0${d}`,
        topics.map((topic) => ({ topic })),
        day1,
      );
    expect(ledger.days.map((d) => d.date)).toEqual([
      '2025-12-03',
      '2025-12-04',
      '2025-12-05',
      '2025-12-06',
      '2025-12-07',
      '2025-12-08',
      '2025-12-09',
    ]);
    ledger = recordStories(ledger, '2025-12-09', [{ topic: topics[0]! }], day1);
    expect(ledger.days).toHaveLength(7);
    expect(ledger.days.at(-1)!.stories).toHaveLength(1);
  });
});

describe('applyStoryLedger', () => {
  const earlier = recordStories(
    emptyStoryLedger(),
    '2025-12-05',
    clusterArticles(day1).map((topic) => ({ topic })),
    day1,
  );

  it('leaves out a repeat that brings no new facts, and says why', () => {
    const today = [
      article(
        'a2',
        'Snowflake deal shows Anthropic’s influence',
        'Anthropic will bring its Claude models to Snowflake customers under the $200 million deal.',
      ),
    ];
    const topics = clusterArticles(today);
    const out = applyStoryLedger(topics, today, earlier, '2025-12-06');
    expect(out.topics).toEqual([]);
    expect(out.skipped).toEqual([
      expect.objectContaining({
        topicId: 't1',
        earlierDate: '2025-12-05',
        earlierTitle: day1[0]!.title,
        reason: expect.stringMatching(/already covered on 2025-12-05/),
      }),
    ]);
  });

  it('keeps a repeat with new names and numbers as a follow-up', () => {
    const today = [
      article(
        'a3',
        'Anthropic and Snowflake expand $200M deal as Accenture joins',
        'Accenture will train 30,000 staff on Claude after Anthropic’s $200 million Snowflake deal; Deloitte follows.',
      ),
    ];
    const out = applyStoryLedger(clusterArticles(today), today, earlier, '2025-12-06');
    expect(out.skipped).toEqual([]);
    expect(out.topics[0]!.followUp).toEqual({ date: '2025-12-05', title: day1[0]!.title });
  });

  it('keeps new stories untouched, ids and order included', () => {
    const today = [
      article('c1', 'Mistral releases Devstral 2 coding models'),
      article('d1', 'EU opens antitrust probe into Meta WhatsApp AI policy'),
    ];
    const topics = clusterArticles(today);
    const out = applyStoryLedger(topics, today, earlier, '2025-12-06');
    expect(out).toEqual({ topics, skipped: [] });
  });

  it('never matches a date against itself (a re-run) or a later date', () => {
    const topics = clusterArticles(day1);
    expect(applyStoryLedger(topics, day1, earlier, '2025-12-05').skipped).toEqual([]);
    expect(applyStoryLedger(topics, day1, earlier, '2025-12-01').skipped).toEqual([]);
  });

  it('on the two fixture days: leaves out the retold chatbot study, marks Meta and AWS as follow-ups', async () => {
    const d1 = await loadFixtureDay('2025-12-05');
    const ledger = recordStories(
      emptyStoryLedger(),
      '2025-12-05',
      clusterArticles(d1.articles).map((topic) => ({ topic })),
      d1.articles,
    );
    const d2 = await loadFixtureDay('2025-12-06');
    const topics = clusterArticles(d2.articles);
    const out = applyStoryLedger(topics, d2.articles, ledger, '2025-12-06');
    const urlOf = (t: Topic) => d2.articles.find((a) => a.id === t.representativeId)!.url;
    const skippedUrls = out.skipped.map((s) => urlOf(topics.find((t) => t.id === s.topicId)!));
    expect(skippedUrls).toEqual([
      'https://www.technologyreview.com/2025/12/05/1128927/the-download-political-chatbot-persuasion-gene-editing-adverts/',
    ]);
    const followUps = out.topics.filter((t) => t.followUp);
    expect(followUps).toHaveLength(2);
    const members = (t: Topic) => t.articleIds.map((id) => d2.articles.find((a) => a.id === id)!.url);
    expect(followUps.some((t) => members(t).includes('https://techcrunch.com/2025/12/05/meta-acquires-ai-device-startup-limitless/'))).toBe(
      true,
    );
    expect(
      followUps.some((t) =>
        members(t).includes('https://techcrunch.com/2025/12/05/aws-reinvent-was-an-all-in-pitch-for-ai-customers-might-not-be-ready/'),
      ),
    ).toBe(true);
    expect(out.topics.length + out.skipped.length).toBe(topics.length);
  });
});

describe('articleFacts', () => {
  it('collects Latin names and normalised numbers, not Han-only names', () => {
    const facts = articleFacts({ title: 'Meta 砍元宇宙預算', text: 'Reality Labs 自 2020 年以來虧損逾 770 億美元，黃仁勳表示。' });
    expect(facts).toEqual(expect.arrayContaining(['meta', 'reality labs', '#:77000000000']));
    expect(facts.some((f) => /黃仁勳/.test(f))).toBe(false);
  });
});

describe('ledger file', () => {
  it('round-trips through write and read, and a missing file is an empty ledger', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ledger-'));
    const file = path.join(dir, 'state', 'stories.json');
    expect(await readStoryLedger(file)).toEqual(emptyStoryLedger());
    const ledger = recordStories(
      emptyStoryLedger(),
      '2025-12-05',
      clusterArticles(day1).map((topic) => ({ topic })),
      day1,
    );
    await writeStoryLedger(file, ledger);
    expect(await readStoryLedger(file)).toEqual(ledger);
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);
  });

  it('rejects a file that is not a ledger with a StoryLedgerError naming the field', () => {
    expect(() => parseStoryLedger('{"version":1,"days":[{"date":"yesterday","stories":[]}]}', 'x.json')).toThrow(
      /x\.json is not a story ledger \(days\.0\.date: /,
    );
  });

  it('moves a corrupt ledger aside with a warning and starts afresh (state never stops the nightly job)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ledger-'));
    const file = path.join(dir, 'stories.json');
    writeFileSync(file, '{not json');
    const warnings: { code: string; message: string }[] = [];
    expect(await readStoryLedger(file, (w) => warnings.push(w))).toEqual(emptyStoryLedger());
    expect(existsSync(file)).toBe(false);
    const aside = readdirSync(dir).filter((f) => f.startsWith('stories.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe('{not json');
    expect(warnings).toEqual([{ code: 'state-quarantined', message: expect.stringContaining('stories.json was not valid') }]);
  });
});
