// Secrets never leave the process: every text that does (log lines, the run report, error messages, the summary,
// recorded settings) passes through one redactor. It knows the values of the environment's secret variables
// (…KEY, …TOKEN, …SECRET, …PASSWORD, and credentials inside URL-valued variables), and the shapes secrets take
// wherever they come from (a server's error body echoing a key, a feed URL with ?token=): URL user-info, secret
// query parameters, bearer tokens, OpenAI-style keys.

export type Redactor = (text: string) => string;

export const REDACTED = '[redacted]';

const SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL)/i;
/** Shorter values are too likely to be ordinary words ("off", "true") to replace everywhere. */
const MIN_SECRET_LENGTH = 6;
const SECRET_PARAM = String.raw`(?:api[-_]?key|key|token|access[-_]?token|auth|sig|signature|secret|password|passwd|client[-_]?secret|code)`;

const SHAPES: [RegExp, string][] = [
  // https://user:secret@host → https://[redacted]@host
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:"'<>]+(?::[^\s/@"'<>]*)?@/gi, `$1${REDACTED}@`],
  // ?api-key=…, &token=… (also in JSON-escaped text)
  [new RegExp(String.raw`([?&;]${SECRET_PARAM}=)[^&#\s"'<>\\]+`, 'gi'), `$1${REDACTED}`],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`],
  [/\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{16,}/g, REDACTED],
  [/\bAKIA[0-9A-Z]{16}\b/g, REDACTED],
];

/** Secret values of an environment: secret-named variables, and credentials inside URL-valued variables. */
export function secretValues(env: Record<string, string | undefined>): string[] {
  const out = new Set<string>();
  for (const [name, raw] of Object.entries(env)) {
    const value = raw?.trim();
    if (!value) continue;
    if (SECRET_NAME.test(name) && value.length >= MIN_SECRET_LENGTH) out.add(value);
    if (/^https?:\/\//i.test(value)) {
      try {
        const u = new URL(value);
        if (u.password.length >= MIN_SECRET_LENGTH) out.add(decodeURIComponent(u.password));
        if (u.username && u.password) out.add(decodeURIComponent(u.username));
        for (const [k, v] of u.searchParams) if (new RegExp(`^${SECRET_PARAM}$`, 'i').test(k) && v.length >= MIN_SECRET_LENGTH) out.add(v);
      } catch {
        // not a URL after all
      }
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}

export function createRedactor(env: Record<string, string | undefined> = {}): Redactor {
  const values = secretValues(env);
  return (text) => {
    let out = text;
    for (const v of values) if (out.includes(v)) out = out.split(v).join(REDACTED);
    for (const [re, to] of SHAPES) out = out.replace(re, to);
    return out;
  };
}
