// Hostile text in every field of a digest, straight into the renderer: what feeds and models can send, whatever
// the collector and the writer do first. Used by the renderer's unit tests and by the Hugo build of
// tests/hostile/hostile-render.test.ts. Every article URL here is one the page may link to; nothing else is.

import type { Digest, Entry } from '../../src/types.js';
import { sampleEntry } from './sample-digest.js';

export const HOSTILE: readonly string[] = [
  // Hugo shortcodes (gist → <script>, youtube → <iframe>, figure → <img>; unknown ones and ref break the build).
  'Octopus {{< gist attacker 0123456789abcdef >}} agent',
  '{{< youtube dQw4w9WgXcQ >}}',
  '{{< figure src="https://tracker.example/fig.png" >}}',
  '{{< ref "no-such-page" >}} {{< no-such-shortcode >}}',
  '{{% gist attacker 0123456789abcdef %}}',
  '{{</* comment */>}} {{<gist attacker 0123456789abcdef>}}',
  // Raw HTML, and entities that a careless decoder turns into it.
  '<script>alert(1)</script>',
  '&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;script&amp;gt;',
  '<img src=x onerror=alert(1)> <svg onload=alert(1)>',
  '<iframe src="https://evil.example/frame"></iframe> <object data=x></object> <embed src=x>',
  '<!-- hidden --> <?php echo 1 ?> <!DOCTYPE html> <![CDATA[x]]> <a href="https://evil.example/a">a</a>',
  // Markdown: images, links to look-alike domains, autolinks, bare URLs, e-mail addresses.
  '![t](http://tracker.example/pixel.png)',
  '[the official OpenAI page](https://openai.com.account-verify.example/login)',
  '[ref]: https://evil.example/ref',
  '[ref] [^1] [x][ref] - [ ] task',
  '<https://evil.example/auto> <bob@evil.example>',
  'see https://evil.example/bare, (https://evil.example/paren) www.evil.example and bob@evil.example',
  // Markdown blocks: headings, quotes, lists, fences, tables, definition lists, setext underlines, emphasis.
  '> ## Fake Section',
  '## 今日焦點（Top Headlines）',
  '# Heading\n===\n---',
  '- item\n* item\n+ item\n1. item\n2) item',
  '```js\nalert(1)\n```',
  '~~~\ncode\n~~~',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  ': definition',
  '===',
  '**bold** *em* _em_ ~~strike~~ `code` ***',
  '### Title {onclick="alert(1)" .evil #evil}',
  // Control, noncharacter and bidi characters, raw and as character references.
  'a\u0000b\u0007c\u007fd\u0085e\u009cf\ufffeg\uffffh\ud800i\u202ej\u2066k\u200fl',
  '&#127; &#x9c; &#xFFFE; &#x202E; &#8238; &rlm;',
  // YAML breakers (in the front matter as title, tags, description, summary).
  'yes',
  'key: value # comment',
  '*alias &anchor !tag "quoted" \'single\' %YAML @at',
  'back\\slash\\',
];

/** A good headline story: its title must be on the page as written. */
export const GOOD_TITLES = [
  'OpenAI 發布 GPT-5.1，推理速度提升 30%',
  'Anthropic 與 Snowflake 簽 2 億美元合約',
  'Meta 測試 AI 客服 agent（beta）',
];

export const articleUrl = (i: number) => `https://news.example/2025/12/05/story-${i}`;

const entry = (over: Partial<Entry> & Pick<Entry, 'topicId' | 'title'>): Entry => sampleEntry({ section: 'market', ...over });

const good = GOOD_TITLES.map((title, i) =>
  entry({
    topicId: `g${i}`,
    title,
    summary: `${title}。`,
    sources: [{ name: 'TechCrunch', url: `https://techcrunch.com/2025/12/04/good-${i}/` }],
  }),
);

const hostileEntries = HOSTILE.map((s, i) =>
  entry({
    topicId: `h${i}`,
    title: `H${i} ${s}`,
    summary: s,
    details: [s, `細節 ${s}`],
    useCases: [s],
    entities: [s, 'OpenAI'],
    importanceReason: s,
    // The link text is hostile; the URL is a collected article's, with what a URL may legally hold.
    sources: [{ name: s, url: i === 0 ? 'https://news.example/a_(b)?q=1&copy;=2&x={y}' : articleUrl(i) }],
  }),
);

export const hostileDigest: Digest = {
  date: '2025-12-05',
  generatedAt: '2025-12-05T06:45:04+08:00',
  coverImage: '/images/2025-12-05-ai-intel.svg',
  articleCount: HOSTILE.length + GOOD_TITLES.length,
  topicCount: HOSTILE.length + GOOD_TITLES.length,
  windowLabel: '過去 24 小時',
  frame: {
    title: '<script>alert(1)</script> {{< gist a b >}} yes: no',
    tags: ['yes', 'on', '*alias', '&anchor', '{{< gist a b >}}', 'a\u202eb\u0007'],
    description: HOSTILE.slice(0, 12).join(' '),
    summary: HOSTILE.join(' '),
    headlineTopicIds: good.map((e) => e.topicId),
    insight: { trends: [...HOSTILE], context: [...HOSTILE], outlook: [...HOSTILE], watchList: HOSTILE.slice(0, 5) },
    reading: HOSTILE.slice(0, 6).map((s, i) => ({ title: s, url: articleUrl(100 + i), reason: s })),
    background: HOSTILE.slice(0, 6).map((s) => ({ term: s, english: s, explanation: s })),
    keywords: HOSTILE.slice(0, 15),
  },
  sections: { headlines: good, research: [], tools: [], applications: [], trends: [], market: hostileEntries },
};

/** Every URL the hostile digest may link to. */
export const hostileArticleUrls: ReadonlySet<string> = new Set(
  [...good, ...hostileEntries].flatMap((e) => e.sources.map((s) => s.url)).concat(hostileDigest.frame.reading.map((r) => r.url)),
);
