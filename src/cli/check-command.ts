// `digest check FILE...`: the format contract on any digest file. Exit 0 when every file conforms.

import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { checkDigest } from '../check/check-digest.js';
import { ConfigError } from '../errors.js';
import { EXIT, type CliIo } from './cli-io.js';
import path from 'node:path';

const ArticleLine = z.object({ url: z.string() });

async function readArticleUrls(file: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read the articles file; pass the JSON lines written by \`digest collect --out FILE\``, {
      cause: err,
    });
  }
  const urls = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (err) {
      throw new ConfigError(`${file}:${i + 1}: not a JSON line; expected {"url": ...} per line`, { cause: err });
    }
    const r = ArticleLine.safeParse(parsed);
    if (!r.success) throw new ConfigError(`${file}:${i + 1}: url: missing; each line needs the article's "url"`);
    urls.add(r.data.url);
  });
  return urls;
}

export function registerCheckCommand(program: Command, io: CliIo, setCode: (code: number) => void): void {
  program
    .command('check')
    .description('check digest files against the format contract; prints file:line: what is wrong')
    .argument('<files...>', 'digest Markdown files')
    .option('--articles <file.jsonl>', 'also require every link to be one of these articles (from `digest collect --out`)')
    .addHelpText(
      'after',
      `\nExit codes: ${EXIT.ok} every file conforms, ${EXIT.failed} a violation was found, ${EXIT.usage} a file could not be read.`,
    )
    .action(async (files: string[], opts: { articles?: string }) => {
      const articleUrls = opts.articles ? await readArticleUrls(path.resolve(io.cwd, opts.articles)) : undefined;
      let bad = 0;
      for (const file of files) {
        let text: string;
        try {
          text = await readFile(path.resolve(io.cwd, file), 'utf8');
        } catch (err) {
          throw new ConfigError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'}); pass an existing digest file`, {
            cause: err,
          });
        }
        const violations = checkDigest(text, { articleUrls });
        for (const v of violations) io.stdout(`${file}:${v.line}: ${v.message}\n`);
        if (violations.length) bad++;
        else io.stdout(`${file}: ok\n`);
      }
      setCode(bad ? EXIT.failed : EXIT.ok);
    });
}
