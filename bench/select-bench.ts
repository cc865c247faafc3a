// `npm run bench:select`: the selection at scale, and what a day costs once the selection decides.
//
// Synthetic days of 200, 2,000 and 20,000 articles (four arXiv categories with cross-lists and replacements, AI news
// told by one to four outlets, non-AI tech news, Chinese reports, an aggregator), written as a recorded day and run
// through the real job (`digest run --fixtures DIR --live-model`) against a local OpenAI-compatible server, each size
// in a fresh child process so its peak RSS is its own. Prints per size: the stage times, peak RSS, the selection's
// counts, model calls and input tokens by stage, and the estimated cost at the default model's price. Calls and
// tokens must stay flat once the day is past the cap: entries + triage batches + frame.
//
// Options: --sizes 200,2000,10000,20000   --child N (internal)

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { runJob } from '../src/app/run-job.js';
import { DEFAULT_PRICES, MODEL_ENV_DEFAULTS } from '../src/model/model-config.js';
import { estimateCost } from '../src/model/model-usage.js';
import type { RunReport } from '../src/pipeline/run-report.js';
import { judgeRelevance } from '../src/select/judge-relevance.js';
import type { Article } from '../src/types.js';
import { startFakeOpenAi } from '../tests/helpers/fake-openai-server.js';
import { mulberry32 } from '../tests/helpers/seeded-random.js';

const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..');
const args = process.argv.slice(2);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const METHODS = [
  'Sparse Attention',
  'Retrieval Augmentation',
  'Preference Optimization',
  'Speculative Decoding',
  'Mixture of Experts',
  'Diffusion Distillation',
  'Contrastive Pretraining',
  'Tool-Use Agents',
  'Chain-of-Thought Pruning',
  'Quantized Inference',
  'Reward Modeling',
  'Vision-Language Alignment',
];
const TASKS = [
  'Long-Document QA',
  'Code Generation',
  'Medical Imaging',
  'Robot Manipulation',
  'Speech Translation',
  'Math Reasoning',
  'Video Understanding',
  'Legal Retrieval',
  'Weather Forecasting',
  'Protein Design',
  'Autonomous Driving',
  'Chart Reasoning',
];
const COMPANIES = [
  'Acme AI',
  'Borealis Labs',
  'Cobalt Robotics',
  'Dynamo Systems',
  'Ember Cloud',
  'Fathom Chips',
  'Granite Data',
  'Helix Bio',
  'Ion Motors',
  'Juniper Security',
];
const AI_NEWS = [
  'launches an AI coding agent',
  'raises $120 million for its language model platform',
  'releases an open-weight model',
  'adds a chatbot to its app',
  'signs an inference chip deal',
  'opens its machine learning API',
];
const OFF_NEWS = [
  'recalls 40,000 electric scooters',
  'wins an offshore wind lease',
  'opens a new data-free cafe chain',
  'cuts smartphone prices',
  'settles a shipping dispute',
  'reports record ticket sales',
];
const ZH = ['推出新的大型語言模型', '發表 AI 晶片', '開源多模態模型', '宣布生成式 AI 服務上線'];

interface Item {
  title: string;
  link: string;
  text: string;
  announce?: string;
}

/** The day's feeds, at most 400 items each (the collector reads 500 a feed). */
function syntheticFeeds(
  n: number,
  seed = 7,
): Map<string, { lang: 'en' | 'zh'; items: Item[]; onTopic?: boolean; section?: string; weight?: number; name: string }> {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const feeds = new Map<string, { lang: 'en' | 'zh'; items: Item[]; onTopic?: boolean; section?: string; weight?: number; name: string }>();
  const put = (
    base: string,
    meta: { lang: 'en' | 'zh'; onTopic?: boolean; section?: string; weight?: number; name: string },
    item: Item,
  ) => {
    for (let k = 0; ; k++) {
      const id = `${base}-${k}`;
      const f = feeds.get(id) ?? { ...meta, items: [] };
      feeds.set(id, f);
      if (f.items.length < 400) return void f.items.push(item);
    }
  };
  let made = 0;
  let paperNo = 0;
  let storyNo = 0;
  while (made < n) {
    const r = rand();
    if (r < 0.5) {
      paperNo++;
      const replace = rand() < 0.3;
      const id = replace
        ? `25${String(7 + (paperNo % 3)).padStart(2, '0')}.${String(10000 + paperNo).slice(-5)}`
        : `2512.${String(10000 + paperNo).slice(-5)}`;
      const cat = pick(['cs.AI', 'cs.CL', 'cs.CV', 'cs.LG']);
      const title = `${pick(METHODS)} for ${pick(TASKS)} ${paperNo}`;
      const announce = replace ? 'replace' : 'new';
      put(
        `arxiv-${cat.toLowerCase().replace('.', '-')}`,
        { lang: 'en', onTopic: true, section: 'research', name: `arXiv ${cat}` },
        {
          title,
          link: `https://arxiv.org/abs/${id}v${replace ? 2 : 1}`,
          text: `arXiv:${id}v${replace ? 2 : 1} Announce Type: ${announce} Abstract: We study ${title.toLowerCase()} with a language model and report results on ${pick(TASKS)}.`,
          announce,
        },
      );
      made++;
    } else if (r < 0.78) {
      storyNo++;
      const company = pick(COMPANIES);
      const what = pick(AI_NEWS);
      const outlets = 1 + Math.floor(rand() * rand() * 4);
      for (let o = 0; o < outlets && made < n; o++, made++) {
        const outlet = ['techcrunch', 'verge', 'venturebeat', 'reuters'][o]!;
        put(
          outlet,
          { lang: 'en', name: outlet },
          {
            title: `${company} ${what} (story ${storyNo})`,
            link: `https://${outlet}.example.com/${storyNo}-${o}`,
            text: `${company} said on Tuesday that it ${what}, story ${storyNo}, as demand for artificial intelligence grows.`,
          },
        );
      }
    } else if (r < 0.92) {
      storyNo++;
      put(
        'techcrunch',
        { lang: 'en', name: 'techcrunch' },
        {
          title: `${pick(COMPANIES).replace(/ AI| Labs/, '')} ${pick(OFF_NEWS)} (story ${storyNo})`,
          link: `https://techcrunch.example.com/${storyNo}`,
          text: `The company announced it ${pick(OFF_NEWS)}, story ${storyNo}.`,
        },
      );
      made++;
    } else if (r < 0.97) {
      storyNo++;
      put(
        'ithome',
        { lang: 'zh', name: 'iThome' },
        {
          title: `${pick(COMPANIES)}${pick(ZH)}（第 ${storyNo} 則）`,
          link: `https://ithome.example.com/${storyNo}`,
          text: `${pick(COMPANIES)}今天${pick(ZH)}，第 ${storyNo} 則。`,
        },
      );
      made++;
    } else {
      storyNo++;
      put(
        'hn',
        { lang: 'en', weight: 0.5, name: 'Hacker News' },
        {
          title: `Show HN: a ${pick(['TCP', 'SQLite', 'Rust', 'LLM', 'GPU'])} toy project ${storyNo}`,
          link: `https://hn.example.com/${storyNo}`,
          text: '',
        },
      );
      made++;
    }
  }
  return feeds;
}

function rssOf(items: Item[], pubDate: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = items
    .map(
      (i) =>
        `<item><title>${esc(i.title)}</title><link>${i.link}</link><pubDate>${pubDate}</pubDate><description>${esc(i.text)}</description>${i.announce ? `<arxiv:announce_type>${i.announce}</arxiv:announce_type>` : ''}</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:arxiv="http://arxiv.org/schemas/atom"><channel><title>synthetic</title><link>https://example.com/</link>\n${body}\n</channel></rss>\n`;
}

interface ChildResult {
  size: number;
  report: Pick<RunReport, 'counts' | 'selection' | 'model' | 'durationsMs'>;
  maxRssMb: number;
  requests: { kind: string; inputChars: number }[];
}

async function child(size: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-select-'));
  const date = '2025-12-10';
  const feeds = syntheticFeeds(size);
  mkdirSync(path.join(dir, 'feeds'));
  const list = [...feeds].map(([id, f]) => {
    writeFileSync(path.join(dir, 'feeds', `${id}.xml`), rssOf(f.items, 'Tue, 09 Dec 2025 12:00:00 GMT'));
    return {
      id,
      name: f.name,
      url: `https://${id}.example.com/feed`,
      lang: f.lang,
      ...(f.onTopic ? { onTopic: true } : {}),
      ...(f.section ? { section: f.section } : {}),
      ...(f.weight ? { weight: f.weight } : {}),
    };
  });
  writeFileSync(path.join(dir, 'feeds.yaml'), stringify({ feeds: list }));
  const server = await startFakeOpenAi();
  try {
    const out = path.join(dir, 'out');
    const outcome = await runJob(
      { mode: 'live-model', fixtures: dir, date, out, force: true, offline: false },
      // The real clock, so the report's stage durations are real; the recorded day fixes the date and window.
      {
        stderr: () => {},
        env: { OPENAI_BASE_URL: server.url, DIGEST_MODEL_CACHE_DIR: 'off', DIGEST_LOG_LEVEL: 'silent', DIGEST_COVER: 'off' },
        cwd: ROOT,
        now: () => new Date(),
        isTty: false,
      },
    );
    if (outcome.status !== 'written') throw new Error(`the run did not write a digest: ${JSON.stringify(outcome).slice(0, 300)}`);
    const report = JSON.parse(readFileSync(path.join(out, `${date}-ai-intel.report.json`), 'utf8')) as RunReport;
    const result: ChildResult = {
      size,
      report: {
        counts: report.counts,
        selection: { ...report.selection, droppedStories: [] },
        model: report.model,
        durationsMs: report.durationsMs,
      },
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      requests: server.requests.map((r) => ({ kind: r.kind, inputChars: r.text.length })),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await server.close();
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
    else process.stderr.write(`kept ${dir}\n`);
  }
}

/** judgeRelevance's throughput on the synthetic day's articles (processor time, best of several passes). */
function judgeThroughput(): string {
  const feeds = syntheticFeeds(5000);
  const articles: Article[] = [...feeds].flatMap(([id, f]) =>
    f.items.map((it, k) => ({
      id: `${id}-${k}`,
      feedId: id,
      source: f.name,
      url: it.link,
      title: it.title,
      text: it.text,
      publishedAt: '2025-12-09T12:00:00.000Z',
      lang: f.lang,
    })),
  );
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 7; run++) {
    const before = process.cpuUsage();
    for (const a of articles) judgeRelevance(a);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return `judgeRelevance: ${Math.round(articles.length / best)} articles/s (${articles.length} articles, every one judged; target ≥ 10,000/s)`;
}

function parent(sizes: number[]): void {
  const model = MODEL_ENV_DEFAULTS.OPENAI_MODEL;
  console.log(`select bench: synthetic days run through the real job against a local model server (default model ${model})`);
  console.log(judgeThroughput());
  const rows: ChildResult[] = [];
  for (const size of sizes) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'tsx-run.mjs'), SELF, '--child', String(size)], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    if (r.status !== 0) {
      console.error(r.stderr || r.stdout);
      process.exitCode = 1;
      return;
    }
    const res = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ChildResult;
    rows.push(res);
    const rep = res.report;
    const byStage = rep.model.byStage;
    const calls = (s: string) => byStage[s]?.calls ?? 0;
    const tokens = (s: string) => byStage[s]?.inputTokens ?? 0;
    const cost =
      estimateCost(model, { inputTokens: rep.model.total.inputTokens, outputTokens: rep.model.total.outputTokens }, DEFAULT_PRICES) ?? 0;
    console.log(
      [
        `${String(size).padStart(6)} articles: ${rep.counts.articles} in the window → ${rep.selection.candidates} candidates → ${rep.counts.written} written`,
        `  time: collect ${rep.durationsMs.collect} ms, cluster ${rep.durationsMs.cluster} ms, select ${rep.durationsMs.select} ms (triage included), write ${rep.durationsMs.write} ms | peak RSS ${res.maxRssMb} MB`,
        `  dropped: ${Object.entries(rep.selection.dropped)
          .filter(([, v]) => v > 0)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
        `  model calls: ${rep.model.total.calls} = triage ${calls('triage')} + entries ${calls('entry')} + frame ${calls('frame')} | input tokens: triage ${tokens('triage')}, entries ${tokens('entry')}, frame ${tokens('frame')} (total ${rep.model.total.inputTokens})`,
        `  estimated cost at ${model} prices: $${cost.toFixed(4)}`,
      ].join('\n'),
    );
  }
  // Past the cap: the days whose digest is full (maxEntries written); from there on calls must not grow with the day.
  const big = rows.filter((r) => r.report.counts.written >= Math.max(...rows.map((x) => x.report.counts.written)));
  if (big.length >= 2) {
    const [a, b] = [big[0]!, big.at(-1)!];
    const ratio = b.report.model.total.calls / a.report.model.total.calls;
    const tok = b.report.model.total.inputTokens / a.report.model.total.inputTokens;
    console.log(
      `flat past the cap: calls ${a.report.model.total.calls} → ${b.report.model.total.calls} (×${ratio.toFixed(2)}), input tokens ×${tok.toFixed(2)} from ${a.size} to ${b.size} articles (target ≤ ×1.2)`,
    );
    if (ratio > 1.2 || tok > 1.2) process.exitCode = 1;
  }
}

const childSize = value('--child');
if (childSize) await child(Number(childSize));
else parent((value('--sizes') ?? '200,2000,10000,20000').split(',').map(Number));
