import type { Finding } from '../findings';
import { parsePlan } from '../plan/parsePlan';
import type { Plan } from '../plan/schema';
import { SHARE_BASE } from './shareBase';

/*
 * The share link: `#v1.<base64url(raw deflate(JSON of what differs from defaultPlan()))>`. Pure: no DOM,
 * no I/O. The deflating is the platform's own CompressionStream('deflate-raw') (browsers, Node ≥ 18),
 * so encoding and decoding are async; links made with the earlier library (fflate, the same raw
 * deflate) decode unchanged. The pre-shared key is left out unless the caller asks for it explicitly. Decoding never
 * throws: a damaged, truncated, oversized or foreign link gives a reason instead of a plan.
 */

export const SHARE_PREFIX = 'v1.';
/** Longest payload accepted (characters after `#v1.`); a real plan encodes to a few hundred. */
export const MAX_PAYLOAD = 8192;
/** Longest JSON accepted after inflating, so a small link cannot expand into megabytes. */
export const MAX_JSON = 65536;

export type ShareFailure = 'empty' | 'foreign' | 'too-large' | 'corrupt' | 'invalid';

export type ShareDecodeResult =
  | { readonly ok: true; readonly plan: Plan; readonly hasPsk: boolean }
  | { readonly ok: false; readonly reason: ShareFailure; readonly findings?: readonly Finding[] };

export interface ShareEncodeOptions {
  /** Put the pre-shared key into the link (anyone who sees the link can then read it). */
  readonly includePsk?: boolean;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX: Readonly<Record<string, number>> = Object.fromEntries([...ALPHABET].map((char, index) => [char, index]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += ALPHABET[(chunk >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Undefined for anything that is not unpadded base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of text) {
    const digit = INDEX[char];
    if (digit === undefined) return undefined;
    value = ((value << 6) | digit) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What of `value` differs from `base`; arrays are kept whole, except the peers, diffed per element. */
function difference(value: unknown, base: unknown, key: string): unknown {
  if (isRecord(value) && isRecord(base)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const d = difference(v, base[k], k);
      if (d !== undefined) out[k] = d;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (key === 'peers' && Array.isArray(value) && Array.isArray(base)) {
    const elements = value.map((element, index) => difference(element, base[index] ?? base[0], '') ?? {});
    return elements.length === base.length && elements.every((element) => isRecord(element) && Object.keys(element).length === 0) ? undefined : elements;
  }
  return JSON.stringify(value) === JSON.stringify(base) ? undefined : value;
}

/** The part of the plan that differs from the v1 base (what the link carries), without the PSK unless asked. */
export function planDifference(plan: Plan, options: ShareEncodeOptions = {}): Record<string, unknown> {
  const copy = structuredClone(plan) as Plan;
  if (!options.includePsk) for (const peer of copy.peers) peer.tunnel.psk = '';
  return (difference(copy, SHARE_BASE, '') as Record<string, unknown> | undefined) ?? {};
}

/** The inverse of `difference`: the base with the link's values laid over it. */
function applyDifference(base: unknown, diff: unknown, key: string): unknown {
  if (isRecord(base) && isRecord(diff)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(diff)) out[k] = applyDifference(base[k], v, k);
    return out;
  }
  if (key === 'peers' && Array.isArray(base) && Array.isArray(diff)) {
    return diff.map((element, index) => applyDifference(base[index] ?? base[0], element, ''));
  }
  return diff;
}

/** Runs `bytes` through a (de)compression stream; undefined once the output passes `limit` bytes. */
async function transform(
  bytes: Uint8Array<ArrayBuffer>,
  stream: ReadableWritablePair<Uint8Array, BufferSource>,
  limit = Infinity,
): Promise<Uint8Array | undefined> {
  const source = new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  const reader = source.pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    if (length > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Plan → `#v1.…` (with the leading `#`). */
export async function encodeShareLink(plan: Plan, options: ShareEncodeOptions = {}): Promise<string> {
  const json = JSON.stringify(planDifference(plan, options));
  const deflated = await transform(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return `#${SHARE_PREFIX}${toBase64Url(deflated!)}`;
}

/** `#v1.…` (with or without `#`) → the plan, or why not. Never throws. */
export async function decodeShareLink(hash: string): Promise<ShareDecodeResult> {
  try {
    const text = hash.startsWith('#') ? hash.slice(1) : hash;
    if (text.length === 0) return { ok: false, reason: 'empty' };
    if (!text.startsWith(SHARE_PREFIX)) return { ok: false, reason: 'foreign' };
    const payload = text.slice(SHARE_PREFIX.length);
    if (payload.length > MAX_PAYLOAD) return { ok: false, reason: 'too-large' };
    if (payload.length === 0) return { ok: false, reason: 'corrupt' };
    const bytes = fromBase64Url(payload);
    if (!bytes) return { ok: false, reason: 'corrupt' };
    let inflated: Uint8Array | undefined;
    try {
      // Stops reading past MAX_JSON, so a small link cannot expand into megabytes.
      inflated = await transform(bytes, new DecompressionStream('deflate-raw'), MAX_JSON);
    } catch {
      return { ok: false, reason: 'corrupt' };
    }
    if (!inflated) return { ok: false, reason: 'too-large' };
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
    } catch {
      return { ok: false, reason: 'corrupt' };
    }
    if (!isRecord(value)) return { ok: false, reason: 'corrupt' };
    const parsed = parsePlan(applyDifference(SHARE_BASE, value, ''));
    if (!parsed.ok) return { ok: false, reason: 'invalid', findings: parsed.findings };
    return { ok: true, plan: parsed.plan, hasPsk: parsed.plan.peers.some((peer) => peer.tunnel.psk.length > 0) };
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
}
