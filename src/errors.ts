// Every error the program raises on purpose has a stable name (for tests, logs and exit codes),
// a message that says what happened and what to do, and the underlying cause.

export class DigestError extends Error {
  constructor(name: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = name;
  }
}

/** Bad configuration or usage: the user must change a file, flag or variable. Exit code 2. */
export class ConfigError extends DigestError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ConfigError', message, options);
  }
}

/** A dry run tried to reach the network. */
export class NetworkEscapeError extends DigestError {
  constructor(url: string) {
    super(
      'NetworkEscapeError',
      `dry run tried to fetch ${url}: a dry run must read only fixtures; record the day first with \`digest record\``,
    );
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** The structural part of a zod issue we read: zod's own `$ZodIssue` is wider, and this keeps errors.ts free of zod. */
interface IssueLike {
  code?: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
}

/**
 * One zod issue as `path: message`, the one wording every trust boundary uses (env, config files, prompts, model
 * answers, fixtures, state). `root` names the whole value when the issue has no path.
 */
export function describeZodIssue(issue: IssueLike, root = 'top level'): string {
  const where = issue.path.length ? issue.path.map(String).join('.') : root;
  const what = issue.code === 'unrecognized_keys' && issue.keys ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message;
  return `${where}: ${what}`;
}

/** The first `max` issues of a zod error, joined by `; `. */
export function describeZodError(error: { issues: IssueLike[] }, options: { max?: number; root?: string } = {}): string {
  return error.issues
    .slice(0, options.max ?? 1)
    .map((i) => describeZodIssue(i, options.root))
    .join('; ');
}
