import { describe, expect, it } from 'vitest';
import { FeedParseError } from '../../src/collect/collect-errors.js';
import { htmlToText } from '../../src/collect/html-to-text.js';
import { parseFeed } from '../../src/collect/parse-feed.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:atom="http://www.w3.org/2005/Atom" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">
<channel>
  <title>Example AI News</title>
  <link>https://news.example.com/</link>
  <atom:link href="https://news.example.com/feed/" rel="self" type="application/rss+xml"/>
  <item>
    <title>OpenAI ships &lt;b&gt;GPT&lt;/b&gt; update &amp;amp; more</title>
    <link>https://news.example.com/2025/12/04/gpt-update?utm_source=rss</link>
    <dc:creator><![CDATA[Jane Doe]]></dc:creator>
    <category>AI</category><category>Models</category>
    <pubDate>Thu, 04 Dec 2025 10:00:00 +0000</pubDate>
    <description><![CDATA[<p>Short teaser</p>]]></description>
    <content:encoded><![CDATA[<p>The <em>full</em> story.</p><script>alert(1)</script>]]></content:encoded>
  </item>
  <item>
    <title>Relative link</title>
    <link>/2025/12/04/relative</link>
    <guid isPermaLink="false">tag:news.example.com,2025:2</guid>
    <author>editor@example.com (Ed Itor)</author>
  </item>
  <item>
    <title>Feedburner</title>
    <link>https://feeds.feedburner.com/~r/x/~3/abc/</link>
    <feedburner:origLink>https://news.example.com/real</feedburner:origLink>
  </item>
</channel>
</rss>`;

describe('parseFeed: RSS 2.0', () => {
  const feed = parseFeed(RSS, 'https://news.example.com/feed/');

  it('reads the channel and every item', () => {
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Example AI News');
    expect(feed.link).toBe('https://news.example.com/');
    expect(feed.items).toHaveLength(3);
  });

  it('keeps HTML fields as HTML and reads authors, categories and dates', () => {
    const [first] = feed.items;
    expect(htmlToText(first!.titleHtml)).toBe('OpenAI ships GPT update & more');
    expect(first!.summaryHtml).toBe('<p>Short teaser</p>');
    expect(first!.contentHtml).toContain('<em>full</em>');
    expect(first!.authors).toEqual(['Jane Doe']);
    expect(first!.categories).toEqual(['AI', 'Models']);
    expect(first!.published).toBe('Thu, 04 Dec 2025 10:00:00 +0000');
  });

  it('resolves relative links against the channel link and prefers feedburner:origLink', () => {
    expect(feed.items[1]!.link).toBe('https://news.example.com/2025/12/04/relative');
    expect(feed.items[1]!.authors).toEqual(['Ed Itor']);
    expect(feed.items[2]!.link).toBe('https://news.example.com/real');
  });
});

describe('parseFeed: leniency', () => {
  it('keeps every item of a feed with undeclared HTML entities such as &nbsp; (rss-parser returns none)', () => {
    const xml = `<rss version="2.0"><channel><title>Caf&eacute;&nbsp;News</title><link>https://ex.com/</link>
      <item><title>One&nbsp;&mdash;&nbsp;first</title><link>https://ex.com/1</link><description>caf&eacute; &hellip;</description></item>
      <item><title>Two</title><link>https://ex.com/2</link></item></channel></rss>`;
    const feed = parseFeed(xml);
    expect(feed.items).toHaveLength(2);
    expect(feed.title).toBe('Café News');
    expect(htmlToText(feed.items[0]!.titleHtml)).toBe('One — first');
    expect(htmlToText(feed.items[0]!.summaryHtml)).toBe('café …');
  });

  it('reads unescaped HTML inside <description>', () => {
    const feed = parseFeed(
      '<rss><channel><item><title>t</title><link>https://ex.com/a</link><description><p>Hello <b>there</b></p></description></item></channel></rss>',
    );
    expect(htmlToText(feed.items[0]!.summaryHtml)).toBe('Hello there');
  });

  it('escapes bare & and < of hand-made feeds instead of losing the feed', () => {
    const xml = `<rss><channel><title>R&D news</title><link>https://ex.com/</link>
      <item><title>Q&A: when a < b</title><link>https://ex.com/1?a=1&b=2</link><description>x < y & z</description></item>
      <item><title>Two</title><link>https://ex.com/2</link></item></channel></rss>`;
    const feed = parseFeed(xml);
    expect(feed.repaired).toMatch(/bare & and < were escaped/);
    expect(feed.title).toBe('R&D news');
    expect(feed.items.map((i) => htmlToText(i.titleHtml))).toEqual(['Q&A: when a < b', 'Two']);
    expect(feed.items[0]!.link).toBe('https://ex.com/1?a=1&b=2');
    expect(htmlToText(feed.items[0]!.summaryHtml)).toBe('x < y & z');
  });

  it('recovers the good items one by one when the document cannot be repaired', () => {
    const xml = `<rss><channel><title>Broken</title><link>https://ex.com/</link>
      <item><title>Good one</title><link>https://ex.com/1</link></item>
      <item><title>Bad</title><link>https://ex.com/2</link><description><![CDATA[never closed</description></item>
      <item><title>Good two</title><link>https://ex.com/3</link></item>
      </channel></rss>`;
    const feed = parseFeed(xml);
    expect(feed.repaired).toMatch(/^malformed XML .*recovered \d item\(s\) one by one$/);
    const titles = feed.items.map((i) => htmlToText(i.titleHtml));
    expect(titles).toContain('Good one');
  });

  it('rejects HTML pages, empty documents and non-feeds with a one-line reason', () => {
    expect(() => parseFeed('<!DOCTYPE html><html><body>Sign in</body></html>')).toThrow(/an HTML page, not a feed/);
    expect(() => parseFeed('   ')).toThrow(FeedParseError);
    // The root's name is the document's text: named only when it is a well-known non-feed document.
    expect(() => parseFeed('<note><to>x</to></note>')).toThrow(
      'not a feed: the root element is an unknown element (a name of 4 characters), expected <rss>, <rdf:RDF> or <feed>',
    );
    expect(() => parseFeed('<opml version="2.0"><body/></opml>')).toThrow(/root element is <opml>/);
    expect(() => parseFeed('Service Unavailable')).toThrow(
      'not XML or JSON: 19 characters that look like plain text, starting with neither "<" nor "{"',
    );
    try {
      parseFeed('<html><body>x</body></html>');
    } catch (err) {
      expect((err as Error).name).toBe('FeedParseError');
      expect((err as Error).message).not.toContain('\n');
    }
  });
});

describe('parseFeed: Atom', () => {
  const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/">
  <title type="html">Lab &amp;lt;Blog&amp;gt;</title>
  <link rel="self" href="/feed.atom"/>
  <link rel="alternate" type="text/html" href="/"/>
  <entry xml:base="posts/">
    <title type="text">Gemini &amp; friends</title>
    <id>tag:blog.example.org,2025:1</id>
    <link rel="alternate" href="gemini.html"/>
    <link rel="replies" href="gemini/comments"/>
    <updated>2025-12-04T10:00:00Z</updated>
    <published>2025-12-04T09:00:00+01:00</published>
    <author><name>Ada</name></author><author><name>Grace</name></author>
    <category term="research" label="Research"/>
    <summary type="html">&lt;p&gt;A summary&lt;/p&gt;</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline <b>XHTML</b> body</p></div></content>
  </entry>
</feed>`;

  it('resolves links through nested xml:base and reads text constructs by type', () => {
    const feed = parseFeed(ATOM, 'https://blog.example.org/feed.atom');
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Lab <Blog>');
    expect(feed.link).toBe('https://blog.example.org/');
    const [e] = feed.items;
    expect(e!.link).toBe('https://blog.example.org/posts/gemini.html');
    expect(htmlToText(e!.titleHtml)).toBe('Gemini & friends');
    expect(htmlToText(e!.contentHtml)).toBe('Inline XHTML body');
    expect(htmlToText(e!.summaryHtml)).toBe('A summary');
    expect(e!.authors).toEqual(['Ada', 'Grace']);
    expect(e!.categories).toEqual(['Research']);
    expect(e!.published).toBe('2025-12-04T09:00:00+01:00');
  });

  it('treats a type="text" title as text, not markup', () => {
    const feed = parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>a &lt;b&gt; c</title><link href="https://x.org/1"/></entry></feed>',
    );
    expect(htmlToText(feed.items[0]!.titleHtml)).toBe('a <b> c');
  });
});

describe('parseFeed: RSS 1.0 (RDF) as arXiv serves it', () => {
  const RDF = `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://arxiv.org/">
  <title>cs.AI updates on arXiv.org</title>
  <link>http://arxiv.org/</link>
  <dc:date>2025-12-04T20:30:00-05:00</dc:date>
  <items><rdf:Seq><rdf:li rdf:resource="http://arxiv.org/abs/2512.01234"/></rdf:Seq></items>
</channel>
<item rdf:about="http://arxiv.org/abs/2512.01234">
  <title>Scaling Laws for Agents. (arXiv:2512.01234v1 [cs.AI])</title>
  <link>http://arxiv.org/abs/2512.01234</link>
  <description rdf:parseType="Literal">&lt;p&gt;We study how agents scale.&lt;/p&gt;</description>
  <dc:creator>&lt;a href="http://arxiv.org/find/cs/1/au:+Lee_A/0/1/0/all/0/1"&gt;Alice Lee&lt;/a&gt;, &lt;a href="http://arxiv.org/find/cs/1/au:+Wu_B/0/1/0/all/0/1"&gt;Bo Wu&lt;/a&gt;</dc:creator>
</item>
</rdf:RDF>`;

  it('finds the items beside the channel', () => {
    const feed = parseFeed(RDF, 'https://export.arxiv.org/rss/cs.AI');
    expect(feed.format).toBe('rdf');
    expect(feed.items).toHaveLength(1);
    const [it] = feed.items;
    expect(it!.link).toBe('http://arxiv.org/abs/2512.01234');
    expect(htmlToText(it!.summaryHtml)).toBe('We study how agents scale.');
    expect(it!.authors).toEqual(['Alice Lee, Bo Wu']);
    expect(it!.published).toBeUndefined();
  });
});

describe('parseFeed: JSON Feed', () => {
  it('reads items and skips those that do not fit the schema', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'HF papers',
      home_page_url: 'https://huggingface.co/papers',
      items: [
        {
          id: '1',
          url: '/papers/2512.00001',
          title: 'Paper & one',
          content_html: '<p>Abstract</p>',
          date_published: '2025-12-04T10:00:00Z',
          authors: [{ name: 'A' }],
          tags: ['llm'],
        },
        { id: 2, external_url: 'https://example.com/x', content_text: 'plain <text>' },
        { id: 3, title: 42 },
      ],
    });
    const feed = parseFeed(json);
    expect(feed.format).toBe('json');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]!.link).toBe('https://huggingface.co/papers/2512.00001');
    expect(htmlToText(feed.items[0]!.titleHtml)).toBe('Paper & one');
    expect(feed.items[0]!.authors).toEqual(['A']);
    expect(htmlToText(feed.items[1]!.contentHtml)).toBe('plain <text>');
  });

  it('rejects JSON that is not a JSON Feed', () => {
    expect(() => parseFeed('{"hello": 1}')).toThrow(/not a JSON Feed/);
    expect(() => parseFeed('{"version": ')).toThrow(/not valid JSON/);
  });
});

describe('item source and arXiv titles', () => {
  it('takes the outlet of an aggregated item from <source>, and strips the arXiv listing suffix', async () => {
    const { parseFeed } = await import('../../src/collect/parse-feed.js');
    const { normaliseItem } = await import('../../src/collect/normalise-item.js');
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://a.example/</link>
      <item><title>新聞</title><link>https://udn.com/news/1</link><source url="https://vip.udn.com/">聯合報數位版</source></item>
      <item><title>Improved Mean Flows. (arXiv:2512.02012v1 [cs.CV] UPDATED)</title><link>http://arxiv.org/abs/2512.02012</link></item>
    </channel></rss>`;
    const feed = { id: 'agg', name: 'Aggregator', url: 'https://a.example/rss', lang: 'zh' as const };
    const [a, b] = parseFeed(xml).items.map((it) => normaliseItem(it, { feed, fetchedAt: new Date('2025-12-04T00:00:00Z') }));
    expect(a).toMatchObject({ ok: true, article: { source: '聯合報數位版' } });
    expect(b).toMatchObject({ ok: true, article: { source: 'Aggregator', title: 'Improved Mean Flows' } });
  });
});
