// Where the collector may connect. Feed URLs are the operator's own choice and are trusted; every other address
// (a redirect to another host, an article page of a `fullText` feed) comes from third-party text and must not
// reach inside the network: loopback, private, link-local (cloud metadata at 169.254.169.254), CGNAT,
// unique-local, unspecified, multicast and reserved addresses are refused unless DIGEST_FETCH_ALLOW names the
// host or a CIDR that holds the address.
//
// The check runs on the resolved address, inside the connector, for every new connection: the address we test
// is the address we connect to, so a name that resolves to a public address when "checked" and to 127.0.0.1 when
// used (DNS rebinding) gets nowhere. Node's net.connect skips `lookup` for IP literals, so the connector checks
// those itself.

import dns from 'node:dns';
import net from 'node:net';
import { Agent, buildConnector } from 'undici';
import { ConfigError } from '../errors.js';
import { AddressRefusedError } from './collect-errors.js';

/** The environment variable the operator sets: comma-separated hosts, IP addresses and CIDRs. */
export const FETCH_ALLOW_ENV = 'DIGEST_FETCH_ALLOW';

export interface NetworkPolicy {
  /** Host names (exact, case-insensitive), IP addresses and CIDRs that may be fetched although internal. */
  allow: string[];
}

export type AddressKind =
  'loopback' | 'private' | 'link-local' | 'carrier-grade NAT' | 'unique-local' | 'unspecified' | 'multicast' | 'reserved';

/** Why an address is internal: its kind and the range it falls in (as the operator would write it). */
export interface AddressVerdict {
  kind: AddressKind;
  range: string;
}

// ---- addresses as numbers ----

interface Ip {
  version: 4 | 6;
  value: bigint;
}

function parseIp(text: string): Ip | null {
  const s = text.replace(/^\[|\]$/g, '').replace(/%.*$/, ''); // brackets of URLs, zone id of link-local IPv6
  const version = net.isIP(s);
  if (version === 4) return { version, value: v4Value(s) };
  if (version !== 6) return null;
  // Validated by net.isIP, so only the two shorthand forms are left to expand: `::` and a dotted IPv4 tail.
  let head = s;
  let tail: bigint[] = [];
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const four = v4Value(dotted[2]!);
    tail = [four >> 16n, four & 0xffffn];
    head = dotted[1]!.endsWith('::') ? dotted[1]! : dotted[1]!.slice(0, -1);
  }
  const groups = (part: string): bigint[] => (part === '' ? [] : part.split(':').map((g) => BigInt(parseInt(g, 16))));
  const halves = head.split('::');
  let all: bigint[];
  if (halves.length === 2) {
    const left = groups(halves[0]!);
    const right = [...groups(halves[1]!), ...tail];
    all = [...left, ...new Array<bigint>(8 - left.length - right.length).fill(0n), ...right];
  } else {
    all = [...groups(head), ...tail];
  }
  return { version: 6, value: all.reduce((n, g) => (n << 16n) | g, 0n) };
}

function v4Value(s: string): bigint {
  return s.split('.').reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);
}

interface Cidr {
  ip: Ip;
  bits: number;
  text: string;
}

function parseCidr(text: string): Cidr | null {
  const [addr, len, extra] = text.split('/');
  if (extra !== undefined || addr === undefined) return null;
  const ip = parseIp(addr);
  if (!ip) return null;
  const max = ip.version === 4 ? 32 : 128;
  const bits = len === undefined ? max : /^\d{1,3}$/.test(len) ? Number(len) : NaN;
  if (!(bits >= 0 && bits <= max)) return null;
  return { ip, bits, text };
}

function inCidr(ip: Ip, cidr: Cidr): boolean {
  if (ip.version !== cidr.ip.version) return false;
  const shift = BigInt((ip.version === 4 ? 32 : 128) - cidr.bits);
  return ip.value >> shift === cidr.ip.value >> shift;
}

const table = (rows: Array<[string, AddressKind]>): Array<[Cidr, AddressKind]> => rows.map(([c, k]) => [parseCidr(c)!, k]);

// IANA's special-purpose registries, reduced to what must never be reached from third-party links.
const V4 = table([
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'carrier-grade NAT'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'reserved'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'reserved'],
  ['198.51.100.0/24', 'reserved'],
  ['203.0.113.0/24', 'reserved'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
]);

const V6 = table([
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['::/96', 'reserved'], // IPv4-compatible, deprecated
  ['64:ff9b:1::/48', 'reserved'],
  ['100::/64', 'reserved'],
  ['2001::/32', 'reserved'], // Teredo
  ['2001:db8::/32', 'reserved'],
  ['fc00::/7', 'unique-local'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'reserved'],
  ['ff00::/8', 'multicast'],
]);

const GLOBAL_UNICAST = parseCidr('2000::/3')!;
const MAPPED = parseCidr('::ffff:0:0/96')!;
const NAT64 = parseCidr('64:ff9b::/96')!;
const SIX_TO_FOUR = parseCidr('2002::/16')!;

function classifyV4(value: bigint): AddressVerdict | null {
  const ip: Ip = { version: 4, value };
  for (const [cidr, kind] of V4) if (inCidr(ip, cidr)) return { kind, range: cidr.text };
  return null;
}

/** IPv6 forms that carry an IPv4 address, which is where the packets really go. */
function embeddedV4(ip: Ip): { value: bigint; via: string } | null {
  if (ip.version !== 6) return null;
  if (inCidr(ip, MAPPED)) return { value: ip.value & 0xffffffffn, via: 'IPv4-mapped' };
  if (inCidr(ip, NAT64)) return { value: ip.value & 0xffffffffn, via: 'NAT64' };
  if (inCidr(ip, SIX_TO_FOUR)) return { value: (ip.value >> 80n) & 0xffffffffn, via: '6to4' };
  return null;
}

/** The verdict on an IP address: null when it is public, what it is otherwise. Not an IP address → reserved. */
export function classifyAddress(address: string): AddressVerdict | null {
  const ip = parseIp(address);
  if (!ip) return { kind: 'reserved', range: 'not an IP address' };
  if (ip.version === 4) return classifyV4(ip.value);
  const inner = embeddedV4(ip);
  if (inner) {
    const v = classifyV4(inner.value);
    return v ? { kind: v.kind, range: `${v.range}, ${inner.via}` } : null;
  }
  for (const [cidr, kind] of V6) if (inCidr(ip, cidr)) return { kind, range: cidr.text };
  return inCidr(ip, GLOBAL_UNICAST) ? null : { kind: 'reserved', range: 'outside 2000::/3' };
}

// ---- the operator's allow-list ----

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*\.?$/i;

/**
 * DIGEST_FETCH_ALLOW → a policy. Entries are separated by commas (spaces around them are ignored): a host name
 * (`intranet.example.com`, matched exactly), an IP address or a CIDR (`10.1.0.0/16`, `fd00::/8`).
 * Throws ConfigError on an entry that is none of these.
 */
export function parseFetchAllow(value: string | undefined): NetworkPolicy {
  const allow: string[] = [];
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    if (parseCidr(entry)) allow.push(entry);
    else if (HOST_NAME.test(entry)) allow.push(entry.toLowerCase().replace(/\.$/, ''));
    else {
      throw new ConfigError(
        `${FETCH_ALLOW_ENV}: "${entry}" is not a host name, an IP address or a CIDR; write e.g. ${FETCH_ALLOW_ENV}=intranet.example.com,10.1.0.0/16 (no scheme, port or path)`,
      );
    }
  }
  return { allow };
}

interface CompiledPolicy {
  hosts: Set<string>;
  cidrs: Cidr[];
}

function compile(policy: NetworkPolicy): CompiledPolicy {
  const hosts = new Set<string>();
  const cidrs: Cidr[] = [];
  for (const entry of policy.allow) {
    const cidr = parseCidr(entry.trim());
    if (cidr) cidrs.push(cidr);
    else hosts.add(entry.trim().toLowerCase().replace(/\.$/, ''));
  }
  return { hosts, cidrs };
}

function addressAllowed(compiled: CompiledPolicy, address: string): boolean {
  const ip = parseIp(address);
  if (!ip) return false;
  const inner = embeddedV4(ip);
  const forms = inner ? [ip, { version: 4 as const, value: inner.value }] : [ip];
  return compiled.cidrs.some((c) => forms.some((f) => inCidr(f, c)));
}

/**
 * The refusal for connecting to `address` (what `host` resolved to, or the literal itself), or null when the
 * connection may go ahead: the address is public, or the operator allowed the host or the address.
 */
export function refusal(policy: NetworkPolicy, host: string, address: string): AddressRefusedError | null {
  return refusalWith(compile(policy), host, address);
}

function refusalWith(compiled: CompiledPolicy, host: string, address: string): AddressRefusedError | null {
  const name = host
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  if (compiled.hosts.has(name)) return null;
  const verdict = classifyAddress(address);
  if (!verdict || addressAllowed(compiled, address)) return null;
  return new AddressRefusedError(name, address, verdict.kind, verdict.range);
}

// ---- the connector ----

type LookupAddress = { address: string; family: number };
/** dns.lookup's shape, as net.connect calls it (`all: true` when it tries IPv4 and IPv6 in turn). */
export type LookupFunction = (
  hostname: string,
  options: dns.LookupOptions,
  callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

/** A dns.lookup that drops internal addresses (unless allowed) and fails when none is left. */
export function guardedLookup(policy: NetworkPolicy, lookup: LookupFunction = dns.lookup as unknown as LookupFunction): LookupFunction {
  const compiled = compile(policy);
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (err, found) => {
      if (err) return callback(err, options.all ? [] : '');
      const list: LookupAddress[] = Array.isArray(found) ? found : [{ address: found, family: net.isIP(found) }];
      let first: AddressRefusedError | null = null;
      const usable = list.filter((a) => {
        const refused = refusalWith(compiled, hostname, a.address);
        first ??= refused;
        return refused === null;
      });
      if (usable.length === 0) {
        const e = first ?? Object.assign(new Error(`no address found for ${hostname}`), { code: 'ENOTFOUND' });
        return callback(e as NodeJS.ErrnoException, options.all ? [] : '');
      }
      if (options.all) callback(null, usable);
      else callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

export interface GuardedConnectorOptions {
  /** Connect timeout (ms). */
  timeout?: number;
  /** The DNS lookup to filter; dns.lookup by default (tests answer names themselves). */
  lookup?: LookupFunction;
}

/** An undici connector that refuses internal addresses, for literals and for every address a name resolves to. */
export function createGuardedConnector(policy: NetworkPolicy, options: GuardedConnectorOptions = {}): buildConnector.connector {
  const compiled = compile(policy);
  const connect = buildConnector({
    timeout: options.timeout,
    lookup: guardedLookup(policy, options.lookup),
  } as buildConnector.BuildOptions);
  return (opts, callback) => {
    // undici has already taken the brackets off an IPv6 literal.
    if (net.isIP(opts.hostname)) {
      const refused = refusalWith(compiled, opts.hostname, opts.hostname);
      // Asynchronously, as a real connection failure would arrive.
      if (refused) return void process.nextTick(() => callback(refused, null));
    }
    connect(opts, callback);
  };
}

/** The agent for addresses that came from third-party text. */
export function createGuardedAgent(policy: NetworkPolicy, options: GuardedConnectorOptions & { keepAliveTimeout?: number } = {}): Agent {
  return new Agent({ keepAliveTimeout: options.keepAliveTimeout ?? 2_000, connect: createGuardedConnector(policy, options) });
}
