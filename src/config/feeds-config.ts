// feeds.yaml: the list of feeds a digest is built from. parseFeedsConfig is pure; readFeedsConfig does the I/O.

import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConfigError, describeZodIssue } from '../errors.js';
import { parseYamlConfig } from './parse-yaml.js';
import { ENTRY_SECTIONS, type FeedConfig } from '../types.js';

const FeedSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes (it names the fixture file)'),
    name: z.string().trim().min(1, 'must not be empty (it is the link text in 來源)'),
    url: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }),
    lang: z.enum(['en', 'zh'], { error: 'must be "en" or "zh"' }),
    section: z.enum(ENTRY_SECTIONS, { error: `must be one of ${ENTRY_SECTIONS.join(', ')}` }).optional(),
    fullText: z.boolean({ error: 'must be true or false' }).optional(),
    enabled: z.boolean({ error: 'must be true or false' }).optional(),
    onTopic: z.boolean({ error: 'must be true or false' }).optional(),
    primary: z.boolean({ error: 'must be true or false' }).optional(),
    weight: z.number({ error: 'must be a number' }).min(0, 'must be 0 or more').max(10, 'must be at most 10').optional(),
  })
  .strict();

const FeedsFileSchema = z.object({ feeds: z.array(z.unknown()).min(1, 'must list at least one feed') }).strict();

/** Parses feeds.yaml text; `file` only names the file in error messages. */
export function parseFeedsConfig(text: string, file: string): FeedConfig[] {
  const top = FeedsFileSchema.safeParse(parseYamlConfig(text, file));
  if (!top.success)
    throw new ConfigError(`${file}: ${describeZodIssue(top.error.issues[0]!)}; the file must be a top-level "feeds:" list`, {
      cause: top.error,
    });
  const feeds: FeedConfig[] = [];
  const seen = new Set<string>();
  top.data.feeds.forEach((raw, i) => {
    const label = typeof raw === 'object' && raw && 'id' in raw && typeof raw.id === 'string' ? `feed "${raw.id}"` : `feeds[${i}]`;
    const r = FeedSchema.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      const allowed = issue.code === 'unrecognized_keys' ? `; allowed: ${Object.keys(FeedSchema.shape).join(', ')}` : '';
      throw new ConfigError(`${file}: ${label}: ${describeZodIssue(issue, 'entry')}${allowed}`, { cause: r.error });
    }
    if (seen.has(r.data.id)) throw new ConfigError(`${file}: ${label}: id: duplicate id "${r.data.id}"; every feed needs its own id`);
    seen.add(r.data.id);
    feeds.push(r.data);
  });
  return feeds;
}

export async function readFeedsConfig(path: string): Promise<FeedConfig[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new ConfigError(
      `${path}: cannot read the feeds file (${(err as NodeJS.ErrnoException).code ?? 'error'}); pass --feeds FILE or create feeds.yaml`,
      { cause: err },
    );
  }
  return parseFeedsConfig(text, path);
}
