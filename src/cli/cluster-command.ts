// `digest cluster`: runs the cluster stage alone on articles given as JSON lines and writes which topic each one
// landed in. This is how users inspect clustering (and how a labelled set is benchmarked outside bench/).

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { clusterJob } from '../app/cluster-job.js';
import { topicLabels, type ClusterInput } from '../cluster/cluster-articles.js';
import { ConfigError, describeZodIssue } from '../errors.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { EXIT, type CliIo } from './cli-io.js';

const ArticleLineSchema = z.object({
  id: z.string().min(1, 'must not be empty'),
  title: z.string(),
  text: z.string().optional(),
  lang: z.enum(['en', 'zh']).optional(),
  publishedAt: z.string().optional(),
  url: z.string().optional(),
  feedId: z.string().optional(),
});

export interface ClusterCommandOptions {
  in: string;
  out?: string;
  threshold?: number;
  show: boolean;
  embeddings: boolean;
}

function parseThresholdOption(value: string): number {
  const n = Number(value);
  if (!(n > 0 && n < 1)) throw new InvalidArgumentError('expected a similarity between 0 and 1, e.g. 0.25');
  return n;
}

/**
 * Parses JSON lines of articles. Blank lines are skipped; a bad line is a ConfigError that names the file and line.
 * Ids must be unique, since the output maps ids to topics.
 */
export function parseArticleLines(text: string, file: string): ClusterInput[] {
  const out: ClusterInput[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, k) => {
    if (!line.trim()) return;
    const where = `${file}:${k + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (err) {
      throw new ConfigError(
        `${where}: not JSON (${(err as Error).message}); each line must be one object such as {"id":"a1","title":"..."}`,
        { cause: err },
      );
    }
    const r = ArticleLineSchema.safeParse(json);
    if (!r.success) {
      throw new ConfigError(
        `${where}: ${describeZodIssue(r.error.issues[0]!, 'line')}; each line needs "id" and "title" (strings), optionally "text", "lang" (en|zh), "publishedAt", "url"`,
        { cause: r.error },
      );
    }
    const first = seen.get(r.data.id);
    if (first !== undefined)
      throw new ConfigError(`${where}: id "${r.data.id}" is used again (first on line ${first}); ids must be unique`);
    seen.set(r.data.id, k + 1);
    out.push(r.data);
  });
  return out;
}

export function registerClusterCommand(program: Command, io: CliIo, setCode: (code: number) => void): void {
  const cmd = program
    .command('cluster')
    .description('group articles (JSON lines) into stories and write {"id","topic"} per article, in input order')
    .requiredOption('--in <file>', 'articles as JSON lines: {"id","title"} required; "text", "lang" (en|zh), "publishedAt", "url" optional')
    .option('--out <file>', 'write the {"id","topic"} lines here (default: standard output)')
    .option('--threshold <x>', 'pair similarity at which two articles may be linked (default: 0.25)', parseThresholdOption)
    .option('--show', 'also print every multi-article topic (titles and keywords) on standard error', false)
    .option('--no-embeddings', 'ignore DIGEST_EMBEDDINGS_MODEL: sparse features only')
    .action(async (opts: ClusterCommandOptions) => {
      setCode(await runCluster(opts, io));
    });
  cmd.addHelpText(
    'after',
    `
Each output line is {"id": "<article id>", "topic": "t<n>"}. Topics are numbered by size (largest first), then by
their earliest article; the first article listed for a topic in --show is its representative. The run is
deterministic: the same input gives the same output.

Embeddings (optional): with DIGEST_EMBEDDINGS_MODEL set (and DIGEST_EMBEDDINGS_BASE_URL / DIGEST_EMBEDDINGS_API_KEY,
defaulting to OPENAI_BASE_URL / OPENAI_API_KEY), an OpenAI-compatible /embeddings endpoint adds a dense similarity;
answers are cached in the state folder (embeddings/ under DIGEST_STATE_DIR, default output/.digest-state).

Exit codes: ${EXIT.ok} written, ${EXIT.usage} bad flag or input file (the message names the line), ${EXIT.failed} other failure.
Examples:
  digest collect --fixtures fixtures/2025-12-05 --out day.jsonl
  digest cluster --in day.jsonl --show
  digest cluster --in titles.jsonl --out topics.jsonl --threshold 0.3`,
  );
}

async function runCluster(opts: ClusterCommandOptions, io: CliIo): Promise<number> {
  const file = path.resolve(io.cwd, opts.in);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError(
      `--in ${opts.in}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); pass a JSON-lines file of articles`,
      { cause: err },
    );
  }
  const articles = parseArticleLines(text, opts.in);
  const { topics, ms, dense } = await clusterJob(articles, { threshold: opts.threshold, embeddings: opts.embeddings }, io);
  const labels = topicLabels(articles, topics);
  const lines = articles.map((a, i) => JSON.stringify({ id: a.id, topic: topics[labels[i]!]!.id }) + '\n').join('');
  if (opts.out) await writeFileAtomic(path.resolve(io.cwd, opts.out), lines);
  else io.stdout(lines);

  if (opts.show) {
    const byId = new Map(articles.map((a) => [a.id, a]));
    for (const t of topics) {
      if (t.articleIds.length < 2) break;
      io.stderr(`${t.id} (${t.articleIds.length}) [${t.keywords.join(', ')}]\n`);
      for (const id of t.articleIds) io.stderr(`  ${id}  ${byId.get(id)!.title}\n`);
    }
  }
  const multi = topics.filter((t) => t.articleIds.length > 1).length;
  io.stderr(
    `cluster: ${articles.length} articles → ${topics.length} topics (${multi} with more than one article)${dense ? ', with embeddings' : ''} in ${Math.round(ms)} ms\n`,
  );
  return EXIT.ok;
}
