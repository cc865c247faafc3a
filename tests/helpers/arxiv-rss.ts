// arXiv's category feeds as arXiv serves them today (rss.arxiv.org/rss/<cat>): one RSS 2.0 channel per category,
// items with `Announce Type:` in the description and <arxiv:announce_type>. Shared by the generated volume day
// (scripts/make-volume-day.ts) and the real day assembled from ../shared/data (real-volume-day.ts). Text fields are
// escaped by the caller's `escape`, since the two sources need different clean-ups.

export interface ArxivRssPaper {
  /** Without version: `2512.01234`. */
  id: string;
  version: number;
  title: string;
  abstract: string;
  categories: string[];
  authors: string[];
  license: string;
}

export function arxivRssItem(p: ArxivRssPaper, announceType: string, pubDate: string, escape: (s: string) => string): string {
  return [
    '<item>',
    `      <title>${escape(p.title)}</title>`,
    `      <link>https://arxiv.org/abs/${p.id}</link>`,
    `      <description>${escape(`arXiv:${p.id}v${p.version} Announce Type: ${announceType} \nAbstract: ${p.abstract}`)}</description>`,
    `      <guid isPermaLink="false">oai:arXiv.org:${p.id}v${p.version}</guid>`,
    ...p.categories.map((c) => `      <category>${escape(c)}</category>`),
    `      <pubDate>${pubDate}</pubDate>`,
    `      <arxiv:announce_type>${announceType}</arxiv:announce_type>`,
    `      <dc:rights>${escape(p.license)}</dc:rights>`,
    `      <dc:creator>${escape(p.authors.join(', '))}</dc:creator>`,
    '    </item>',
  ].join('\n');
}

export function arxivRssDocument(cat: string, times: { lastBuildDate: string; pubDate: string }, items: string[]): string {
  const feed = `http://rss.arxiv.org/rss/${cat}`;
  return `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0">
  <channel>
    <title>${cat} updates on arXiv.org</title>
    <link>${feed}</link>
    <description>${cat} updates on the arXiv.org e-print archive.</description>
    <atom:link href="${feed}" rel="self" type="application/rss+xml"/>
    <docs>http://www.rssboard.org/rss-specification</docs>
    <language>en-us</language>
    <lastBuildDate>${times.lastBuildDate}</lastBuildDate>
    <managingEditor>rss-help@arxiv.org</managingEditor>
    <pubDate>${times.pubDate}</pubDate>
    <skipDays>
      <day>Saturday</day>
      <day>Sunday</day>
    </skipDays>
    ${items.join('\n    ')}
  </channel>
</rss>
`;
}
