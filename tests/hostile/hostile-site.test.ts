// Issue 11, "Hostile feeds", end to end: the real CLI runs on a day of hostile feeds written by us
// (tests/hostile/day: one feed per attack family, each with good AI stories too), `digest check` accepts the
// digest, and the real Hugo builds it with raw HTML off and on. Nothing from the feeds may act on the page.
//
// The day is served by the fixture fetcher (`run --dry-run --fixtures`) rather than a local HTTP server: the
// renderer is under test, not the transport, and a dry run touches no socket, so neither the collector's network
// policy (which refuses loopback addresses unless configured) nor a port can make this test flaky.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSafety } from '../../src/check/check-safety.js';
import { runMain } from '../../src/cli.js';
import { goodEntry, goodFrame, goodModel, startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai-server.js';
import { testIo } from '../helpers/test-io.js';
import { buildDigestPage, hugo, pageProblems, plain, type BuiltPage } from './hugo-page.js';

const dayDir = path.join(import.meta.dirname, 'day');
const date = '2025-12-05';
const name = `${date}-ai-intel`;
const cover = `/images/${name}.svg`;

/** The good stories of the hostile feeds: every one must reach the page, as written. */
const GOOD_TITLES = [
  'Mistral releases Devstral 2 coding model under an open licence',
  'Google DeepMind shows Gemini Robotics model folding laundry in a warehouse pilot',
  'NVIDIA reports record data-center revenue on accelerator demand',
  'Hugging Face opens a leaderboard for speech recognition models',
  'Meta open-sources Llama Guard 4 safety classifier for multimodal prompts',
  'Amazon previews Trainium3 chips for large language model training',
  'Microsoft adds GPT-5 reasoning to Copilot Studio agents',
  'Apple researchers publish an on-device diffusion model for photo editing',
  'Anthropic brings Claude Opus 4.5 to Google Cloud Vertex AI customers',
  'Samsung ships HBM4 memory samples for next-generation AI servers',
  'Perplexity 完成 2 億美元融資，估值達 200 億美元',
  'Cohere launches Command A Vision model for enterprise documents',
  '輝達與鴻海合建 AI 超級電腦中心',
];

/** The item links of every feed of the day: the only URLs the digest may link to. */
function feedArticleUrls(): Set<string> {
  const urls = new Set<string>();
  for (const file of readdirSync(path.join(dayDir, 'feeds'))) {
    const xml = readFileSync(path.join(dayDir, 'feeds', file), 'utf8');
    for (const [item] of xml.matchAll(/<(item|entry)[\s>][\s\S]*?<\/\1>/g)) {
      const link = /<link>([^<]+)<\/link>/.exec(item)?.[1] ?? /<link[^>]*href="([^"]+)"/.exec(item)?.[1];
      if (link && /^https?:/.test(link)) urls.add(link);
    }
  }
  return urls;
}

describe('digest run on a day of hostile feeds', () => {
  const site = mkdtempSync(path.join(tmpdir(), 'digest-hostile-day-'));
  const file = path.join(site, 'content', 'posts', `${name}.md`);
  const articleUrls = feedArticleUrls();
  const io = testIo({ cwd: site, env: { DIGEST_LOG_LEVEL: 'warn', DIGEST_COVER_DIR: 'static/images' } });
  let code = -1;
  let md = '';

  beforeAll(async () => {
    code = await runMain(['run', '--dry-run', '--fixtures', dayDir, '--date', date, '--out', 'content/posts'], io);
    md = readFileSync(file, 'utf8');
  }, 60_000);
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  it('writes the digest (exit 0) with every feed read and every good story in it', () => {
    expect(code, io.err.join('')).toBe(0);
    const report = JSON.parse(readFileSync(path.join(site, 'content', 'posts', `${name}.report.json`), 'utf8'));
    expect(report.status).toBe('ok');
    expect(report.feeds.map((f: { feedId: string; status: string }) => `${f.feedId} ${f.status}`)).toEqual(
      ['hostile-shortcodes', 'hostile-html', 'hostile-markdown', 'hostile-controls', 'hostile-yaml', 'mixed-news'].map((id) => `${id} ok`),
    );
    // Nothing was left out by the selection (caps, relevance), so a missing good title means a lost story.
    expect(report.selection?.droppedStories ?? []).toEqual([]);
    expect(articleUrls.size).toBeGreaterThan(30);
    for (const t of GOOD_TITLES) expect(md).toContain(t);
  });

  it('passes `digest check`, also against the list of collected articles', async () => {
    const articles = path.join(site, 'articles.jsonl');
    writeFileSync(articles, [...articleUrls].map((url) => JSON.stringify({ url })).join('\n'));
    const check = testIo({ cwd: site });
    expect(await runMain(['check', file, '--articles', articles], check), check.out.join('')).toBe(0);
    expect(check.out.join('')).toBe(`${file}: ok\n`);
  });

  it('passes the safety rules (until checkDigest runs them itself)', () => {
    const raw = md.split('\n');
    const lines = raw.map((text, i) => ({ text, line: i + 1 }));
    expect(checkSafety(lines, raw.indexOf('---', 1) + 2, { articleUrls })).toEqual([]);
  });

  it('carries the attacks through to the renderer (the test is not passing on an empty day)', () => {
    for (const attack of ['gist attacker', 'onerror', 'tracker.example', 'account-verify', 'Fake Section', 'Gecko: key: value # comment', 'Tarsier']) {
      expect(md).toContain(attack);
    }
  });

  if (!hugo) console.warn('tests/hostile/hostile-site.test.ts: Hugo part skipped — `hugo` is not on PATH (install it: apt-get install -y hugo)');

  for (const unsafe of [false, true]) {
    describe.skipIf(!hugo)(`built by ${hugo ?? 'hugo'} with unsafe = ${unsafe}`, () => {
      let page: BuiltPage;
      beforeAll(() => {
        page = buildDigestPage(md, name, unsafe);
      }, 60_000);

      it('builds without an error or a warning', () => {
        expect(page.status, page.log).toBe(0);
        expect(page.log).not.toMatch(/ERROR|WARN/);
      });

      it('has no script, iframe, foreign image, svg, object, embed, event handler, foreign link, shortcode output or bidi control', () => {
        expect(pageProblems(page.$, articleUrls, cover)).toEqual([]);
        expect(page.html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      });

      it('shows every good title, and the attacks as plain text', () => {
        const text = plain(page.$('.post-content').text());
        for (const t of GOOD_TITLES) expect(text).toContain(plain(t));
        expect(text).toContain('Octopus {{< gist attacker 0123456789abcdef >}} agent');
        expect(text).toContain('Pelican <script>alert(1)</script> escaped');
        expect(text).toContain('[the official OpenAI page](https://openai.com.account-verify.example/login)');
      });
    });
  }
});

describe('the same day written by a model that repeats the attacks (the model path)', () => {
  const site = mkdtempSync(path.join(tmpdir(), 'digest-hostile-model-'));
  const file = path.join(site, 'content', 'posts', `${name}.md`);
  const articleUrls = feedArticleUrls();
  let server: FakeOpenAi;
  let code = -1;
  let md = '';
  const hostile = '<img src=x onerror=alert(1)> {{< gist attacker 0123456789abcdef >}} ![p](http://tracker.example/p.png) [official](https://openai.com.account-verify.example/login) \u202Eevil';

  beforeAll(async () => {
    // A model that copies third-party text into every field, and adds its own markup on top.
    server = await startFakeOpenAi({
      handler: (req) => {
        if (req.kind === 'entry') return { json: goodEntry(req.text, { details: ['作者說明了方法。', `模型附註：${hostile}`], useCases: [hostile], importanceReason: `值得注意 ${hostile}` }) };
        if (req.kind === 'frame') {
          const f = goodFrame(req.text) as { insight: { trends: string[] } } & Record<string, unknown>;
          return { json: { ...f, summary: `今日焦點 ${hostile}`, insight: { ...f.insight, trends: [`趨勢 ${hostile}`] } } };
        }
        return goodModel(req);
      },
    });
    const io = testIo({ cwd: site, env: { DIGEST_LOG_LEVEL: 'warn', DIGEST_COVER_DIR: 'static/images', OPENAI_BASE_URL: server.url, DIGEST_GROUNDING: 'warn' } });
    code = await runMain(['run', '--live-model', '--fixtures', dayDir, '--date', date, '--out', 'content/posts'], io);
    md = readFileSync(file, 'utf8');
    expect(code, io.err.join('')).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    rmSync(site, { recursive: true, force: true });
  });

  it('writes every story through the model, and the attacks reach the renderer', () => {
    expect(server.requests.filter((r) => r.kind === 'entry').length).toBeGreaterThan(10);
    expect(md).toContain('onerror');
    expect(md).toContain('gist attacker');
  });

  for (const unsafe of [false, true]) {
    it.skipIf(!hugo)(`builds with unsafe = ${unsafe}, and nothing the model wrote acts on the page`, () => {
      const page = buildDigestPage(md, name, unsafe);
      expect(page.status, page.log).toBe(0);
      expect(pageProblems(page.$, articleUrls, cover)).toEqual([]);
      expect(page.html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      const text = plain(page.$('.post-content').text());
      for (const t of GOOD_TITLES) expect(text).toContain(plain(t));
    }, 60_000);
  }
});
