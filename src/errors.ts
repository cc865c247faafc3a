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
    super('NetworkEscapeError', `dry run tried to fetch ${url}: a dry run must read only fixtures; record the day first with \`digest record\``);
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
