// The one error formatter: any error that reaches the CLI becomes one line on stderr and an exit code. Bad input
// (ConfigError) is exit 2; a failure we know (DigestError, or the disk refusing a write) is exit 1 with what to do;
// anything else is a bug, also one line, with the stack only when DIGEST_LOG_LEVEL asks for debug output.

import { ConfigError, DigestError, errorMessage } from '../errors.js';
import { EXIT } from './cli-io.js';

const FS_ADVICE: Record<string, string> = {
  ENOSPC: 'no space left on the device; free some space and run again (the next run completes what this one wrote)',
  EDQUOT: 'the disk quota is exceeded; free some space and run again',
  EACCES: 'permission denied; make the folder writable by this user, or point --out / DIGEST_STATE_DIR / DIGEST_COVER_DIR elsewhere',
  EPERM: 'operation not permitted; make the folder writable by this user, or point --out / DIGEST_STATE_DIR elsewhere',
  EROFS: 'the file system is read-only; point --out / DIGEST_STATE_DIR elsewhere',
  ENOTDIR: 'a path component is a file, not a folder; pass a folder',
  EISDIR: 'a folder stands where a file was expected',
  EMFILE: 'too many open files; raise the limit (ulimit -n) or lower the concurrency',
};

export interface FormattedError {
  code: number;
  line: string;
}

export function formatError(err: unknown, options: { debug?: boolean } = {}): FormattedError {
  if (err instanceof ConfigError) return { code: EXIT.usage, line: `digest: ${err.message}` };
  // Our own errors already say which file and what to do; a bare system error gets that said here.
  if (err instanceof DigestError) return { code: EXIT.failed, line: `digest: ${err.name}: ${err.message}` };
  const fs = fsError(err);
  if (fs) {
    const where = fs.path ? ` ${fs.path}` : '';
    return { code: EXIT.failed, line: `digest: cannot ${fs.syscall ?? 'access'}${where}: ${FS_ADVICE[fs.code!] ?? fs.code}` };
  }
  const stack = options.debug && err instanceof Error && err.stack ? `\n${err.stack}` : '';
  return {
    code: EXIT.failed,
    line: `digest: unexpected error: ${errorMessage(err).split('\n')[0]} (a bug: please report it; DIGEST_LOG_LEVEL=debug shows the stack)${stack}`,
  };
}

/** The file-system error inside `err` (itself, or a cause), when it is one the user can act on. */
function fsError(err: unknown): NodeJS.ErrnoException | undefined {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code in FS_ADVICE) return e as NodeJS.ErrnoException;
  }
  return undefined;
}
