// What the application may touch of the process: the CLI passes the real one, tests their own, so no code below
// src/cli reads process.* (env, cwd, clock, stderr) directly.

export interface AppIo {
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** The clock. */
  now: () => Date;
  /** Every wait between retries (feeds, model, embeddings) goes through it, so tests never sleep through a backoff. */
  sleep?: (ms: number) => Promise<void>;
  /** True when stderr is a terminal (readable logs and progress instead of JSON lines). */
  isTty: boolean;
}
