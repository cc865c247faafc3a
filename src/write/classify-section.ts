// Which section a story belongs to when no model decides: the feeds' hints first, then keywords.

import type { Article, EntrySection, FeedConfig } from '../types.js';

const KEYWORDS: Record<EntrySection, RegExp> = {
  market:
    /\b(raises?|raised|funding|valuation|valued|acquir\w*|acquisition|merger|IPO|earnings|revenue|investors?|Series [A-F]|seed round|\$\s?\d[\d.,]*\s?(m|bn|million|billion)|stake|shares?)\b|融資|融资|估值|收購|收购|併購|上市|財報|财报|營收|营收|億美元|亿美元|投資|投资/gi,
  research:
    /\b(paper|arxiv|study|researchers?|benchmark|dataset|training|model(s)?|neural|algorithm|theorem|experiment|state-of-the-art|SOTA|FID|accuracy)\b|論文|论文|研究|模型|訓練|训练|基準|基准|演算法|算法/gi,
  tools:
    /\b(SDK|API|open[- ]source|library|framework|tutorial|how to|guide|GitHub|developers?|toolkit|plugin|release notes|Python|notebook|step-by-step)\b|開源|开源|工具|教程|教學|開發者|开发者|框架/gi,
  applications:
    /\b(launch(es|ed)?|rolls? out|product|customers?|app|assistant|feature|users|deploy(s|ed|ment)?|partnership|platform|service)\b|推出|上線|上线|產品|产品|用戶|用户|應用|应用|合作|部署/gi,
  trends:
    /\b(opinion|analysis|survey|policy|regulat\w*|law|lawsuit|government|energy|data ?cent(er|re)s?|jobs|workers|society|ethic\w*|bubble|debate|risk|safety|election|children)\b|監管|监管|政策|觀點|观点|趨勢|趋势|能源|資料中心|数据中心|就業|就业|社會|社会/gi,
};

const ORDER: EntrySection[] = ['market', 'research', 'tools', 'trends', 'applications'];

export function classifySection(articles: Article[], feeds: ReadonlyMap<string, FeedConfig>): EntrySection {
  const hints = new Map<EntrySection, number>();
  for (const a of articles) {
    const s = feeds.get(a.feedId)?.section;
    if (s) hints.set(s, (hints.get(s) ?? 0) + 1);
  }
  const best = [...hints.entries()].sort((a, b) => b[1] - a[1])[0];
  if (best && best[1] * 2 > articles.length) return best[0];

  // Titles say what a story is about more reliably than body text.
  const title = articles.map((a) => a.title).join(' ');
  const text = articles.map((a) => a.text.slice(0, 600)).join(' ');
  let winner: EntrySection = 'applications';
  let top = 0;
  for (const s of ORDER) {
    const score = 3 * (title.match(KEYWORDS[s])?.length ?? 0) + (text.match(KEYWORDS[s])?.length ?? 0);
    if (score > top) {
      top = score;
      winner = s;
    }
  }
  return winner;
}
