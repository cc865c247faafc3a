// `npm run bench:cluster`: how good and how fast the cluster stage is.
//
// 1. Quality on the labelled Google News stream (../shared/data/clustering/googlenews-ts-yin-wang-2016/News-T.jsonl:
//    11,109 pre-cleaned titles, 152 stories, stream order): NMI (arithmetic and geometric), B-cubed P/R/F1, pairwise
//    P/R/F1, number of clusters, wall and CPU time. Then the same for the linkage variants the default was chosen
//    from (skip with --quick).
// 2. Scale: synthetic days of 1k, 10k and 50k articles (English and Chinese titles with ~270 characters of text, like
//    an RSS description), each clustered in a fresh child process, so cold, and so its peak RSS (getrusage maxRSS)
//    belongs to that size alone. Time is wall time of clusterArticles; CPU includes V8's parallel GC and compiler.
//
// Options: --quick (no linkage comparison), --sizes 1000,10000 (synthetic sizes), --child N (internal).

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterArticles, topicLabels, type ClusterInput, type ClusterOptions } from '../src/cluster/cluster-articles.js';
import { scoreClustering, type ClusterScores } from '../src/cluster/cluster-metrics.js';
import { mulberry32 } from '../tests/helpers/seeded-random.js';

const NEWS_T = fileURLToPath(new URL('../../shared/data/clustering/googlenews-ts-yin-wang-2016/News-T.jsonl', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..');

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

// ---------------------------------------------------------------------------------------------------------------
// Synthetic days

const SYLLABLES = 'ka lo mi ra te su no va ri de pa zo lu fe ni bo ta ge mo si ra ve po li du ne ko ma tu be'.split(' ');
const HAN = [
  ...'模型發布推出公司晶片資料訓練推理開源研究團隊市場投資融資美元億萬平台系統工具應用用戶企業服務產品技術人工智慧代理安全政策監管法規雲端運算伺服器硬體軟體手機電腦汽車自動駕駛醫療金融教育搜尋廣告影片圖像語音文字翻譯程式設計開發者新創估值收購合作協議財報營收成長下滑預測報告論文實驗數據基準測試效能速度成本價格免費訂閱版本更新功能介面',
];

interface SyntheticDay {
  articles: ClusterInput[];
  gold: number[];
}

/** A day of n articles: stories of 1–12 articles, one in five Chinese, Zipf-distributed background vocabulary. */
export function syntheticDay(n: number, seed = 42): SyntheticDay {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  // English has a long tail: 100k word types, so that 50k articles do not run out of distinctive words.
  const vocab = Array.from({ length: 100_000 }, (_, k) => {
    let w = '';
    for (let s = 0, x = k; s < 2 + (k % 3); s++, x = Math.floor(x / 30)) w += SYLLABLES[(x + s * 7) % 30];
    return w + (k >= 24_300 ? String(k) : '');
  });
  // Zipf: rank r with probability ∝ 1/r; sampled through the inverse of the harmonic CDF approximation.
  const zipf = () => vocab[Math.min(vocab.length - 1, Math.floor(Math.exp(rand() * Math.log(vocab.length)) - 1))]!;
  const hanWord = () => pick(HAN) + pick(HAN);
  const articles: ClusterInput[] = [];
  const gold: number[] = [];
  let story = 0;
  while (articles.length < n) {
    const r = rand();
    const size = r < 0.6 ? 1 : r < 0.8 ? 2 : r < 0.9 ? 3 + Math.floor(rand() * 2) : 5 + Math.floor(rand() * 8);
    const words = Array.from({ length: 5 }, () => vocab[500 + Math.floor(rand() * 99_000)]!);
    const names = Array.from({ length: 1 + Math.floor(rand() * 2) }, () => {
      const name = pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES) + 'x';
      return rand() < 0.4 ? `${name}-${1 + Math.floor(rand() * 9)}.${Math.floor(rand() * 10)}` : name;
    });
    const amount = 10 + Math.floor(rand() * 990);
    const hanStory = Array.from({ length: 4 }, hanWord);
    for (let k = 0; k < size && articles.length < n; k++) {
      const zh = rand() < 0.2;
      const id = `a${articles.length}`;
      const title = zh
        ? `${pick(names)} ${pick(hanStory)}${pick(hanStory)}${hanWord()}，${amount / 10} 億美元${hanWord()}`
        : `${pick(names)} ${pick(words)} ${zipf()} ${pick(words)} ${zipf()} $${amount * 10}m`;
      // RSS descriptions: ~40 English words (~270 characters) or ~100 Han characters; the fixture days' texts are
      // 56–486 characters long, ~200 in the middle.
      const body: string[] = [];
      for (let w = 0; w < (zh ? 30 : 40); w++) {
        const u = rand();
        if (zh) body.push(u < 0.25 ? pick(hanStory) : u < 0.3 ? pick(names) : hanWord() + hanWord());
        else body.push(u < 0.2 ? pick(words) : u < 0.25 ? pick(names) : zipf());
      }
      articles.push({
        id,
        title,
        text: zh ? body.join('') : body.join(' '),
        lang: zh ? 'zh' : 'en',
        url: `https://news${k % 7}.example.com/2025/12/04/${id}-${zh ? 'story' : title.split(' ').slice(1, 4).join('-')}`,
        publishedAt: new Date(Date.UTC(2025, 11, 4) + Math.floor(rand() * 86_400_000)).toISOString(),
      });
      gold.push(story);
    }
    story++;
  }
  return { articles, gold };
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring

interface Timed<T> {
  value: T;
  wallMs: number;
  cpuMs: number;
}

function timed<T>(fn: () => T): Timed<T> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const f3 = (x: number) => x.toFixed(3);

function scoreLine(s: ClusterScores): string {
  return (
    `NMI ${f3(s.nmiArithmetic)} (arithmetic) / ${f3(s.nmiGeometric)} (geometric) | ` +
    `B-cubed P ${f3(s.bcubedPrecision)} R ${f3(s.bcubedRecall)} F1 ${f3(s.bcubedF1)} | ` +
    `pairwise P ${f3(s.pairPrecision)} R ${f3(s.pairRecall)} F1 ${f3(s.pairF1)} | ${s.clusters} clusters (${s.classes} stories)`
  );
}

function runLabelled(articles: ClusterInput[], gold: number[], options?: ClusterOptions): Timed<ClusterScores> {
  const t = timed(() => clusterArticles(articles, options));
  return { ...t, value: scoreClustering(topicLabels(articles, t.value), gold) };
}

// ---------------------------------------------------------------------------------------------------------------
// Child mode: one synthetic size, one JSON line.

const child = value('--child');
if (child) {
  const n = Number(child);
  const day = syntheticDay(n);
  const run = runLabelled(day.articles, day.gold);
  const peakMb = process.resourceUsage().maxRSS / 1024;
  // The same day again in the same process: what a long-lived process (or a second run) pays, JIT warm.
  const warm = timed(() => clusterArticles(day.articles));
  process.stdout.write(JSON.stringify({ n, wallMs: run.wallMs, cpuMs: run.cpuMs, warmMs: warm.wallMs, peakMb, scores: run.value }) + '\n');
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------------------
// Main

console.log(`cluster bench: node ${process.version}, ${new Date().toISOString()}`);
console.log('');

if (!existsSync(NEWS_T)) {
  console.log(`News-T not found at ${NEWS_T}: quality part skipped`);
} else {
  const rows = readFileSync(NEWS_T, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { Id: string; clusterNo: number; textCleaned: string });
  const articles = rows.map((r) => ({ id: r.Id, title: r.textCleaned }));
  const gold = rows.map((r) => r.clusterNo);
  console.log(`## Google News stream (News-T): ${articles.length} titles, ${new Set(gold).size} stories, stream order`);
  const run = runLabelled(articles, gold);
  console.log(`default     ${scoreLine(run.value)} | ${run.wallMs.toFixed(0)} ms wall, ${run.cpuMs.toFixed(0)} ms CPU`);
  const singles = scoreClustering(
    articles.map((_, i) => i),
    gold,
  );
  console.log(`(every title alone: NMI ${f3(singles.nmiArithmetic)} / ${f3(singles.nmiGeometric)}, B-cubed F1 ${f3(singles.bcubedF1)})`);
  console.log('targets: NMI ≥ 0.90, B-cubed F1 ≥ 0.80 (MStreamF: NMI 0.881, B-cubed F1 0.734, ~300 clusters)');

  if (!flag('--quick')) {
    console.log('');
    console.log('## Linkage variants on News-T (same features and thresholds; the default adds each pass in turn)');
    const variants: [string, ClusterOptions][] = [
      ['single link, 0.25', { linkage: 'single', groupLambda: 0, refine: 0 }],
      ['single link, 0.40', { linkage: 'single', threshold: 0.4, groupLambda: 0, refine: 0 }],
      ['single + centroid veto 0.18', { linkage: 'single-veto', mergeThreshold: 0.18, groupLambda: 0, refine: 0 }],
      ['single + size-aware veto', { groupLambda: 0, refine: 0 }],
      ['  + group merging', { refine: 0 }],
      ['  + reassignment (default)', {}],
      ['single + centroid veto + both passes', { linkage: 'single-veto', mergeThreshold: 0.18 }],
    ];
    for (const [name, options] of variants) {
      const r = runLabelled(articles, gold, options);
      console.log(
        `${name.padEnd(38)} NMI ${f3(r.value.nmiArithmetic)}/${f3(r.value.nmiGeometric)}  B3 P ${f3(r.value.bcubedPrecision)} R ${f3(r.value.bcubedRecall)} F1 ${f3(r.value.bcubedF1)}  pair F1 ${f3(r.value.pairF1)}  ${String(r.value.clusters).padStart(5)} clusters  ${r.cpuMs.toFixed(0).padStart(5)} ms CPU`,
      );
    }
  }
}

console.log('');
console.log('## Synthetic days (a fresh process each: cold, then the same day again warm; titles + ~270 characters of text, 20% Chinese)');
console.log('targets: 10k < 2 s, 50k < 15 s, memory < 1 GB');
const sizes = (value('--sizes') ?? '1000,10000,50000').split(',').map(Number);
for (const n of sizes) {
  const res = spawnSync(process.execPath, [path.join(ROOT, 'bin/tsx-run.mjs'), SELF, '--child', String(n)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const line = res.stdout.trim().split('\n').pop() ?? '';
  if (res.status !== 0 || !line.startsWith('{')) {
    console.log(`${n}: failed (exit ${res.status}) ${res.stderr.slice(0, 500)}`);
    continue;
  }
  const r = JSON.parse(line) as { n: number; wallMs: number; cpuMs: number; warmMs: number; peakMb: number; scores: ClusterScores };
  console.log(
    `${String(r.n).padStart(6)} articles: ${(r.wallMs / 1000).toFixed(2)} s wall cold (${(r.cpuMs / 1000).toFixed(2)} s CPU), ${(r.warmMs / 1000).toFixed(2)} s warm | ` +
      `peak RSS ${r.peakMb.toFixed(0)} MB (whole process, day included) | ${r.scores.clusters} clusters for ${r.scores.classes} generated stories, B-cubed F1 ${f3(r.scores.bcubedF1)}`,
  );
}
