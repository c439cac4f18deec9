import { isStrictIpv4 } from '../../net/ipv4';
import { canonicalIpv6, isIpv6Text } from '../../net/ipv6';

/**
 * Token checks shared by the system-file serializers: each refuses anything its dialect could read
 * as more than one value. Builders pass validated plan values; these are the second fence.
 */
export class SystemSyntaxError extends Error {}

export function fail(dialect: string, what: string, value: unknown): never {
  throw new SystemSyntaxError(`${dialect}: bad ${what} ${JSON.stringify(value)}`);
}

/** Dotted quad, optionally with /prefix, in canonical form (no leading zeros). */
export function isIpv4Token(text: string): boolean {
  const [address, prefix, ...rest] = text.split('/');
  if (rest.length > 0 || address === undefined) return false;
  return isStrictIpv4(address) && (prefix === undefined || (/^\d{1,2}$/.test(prefix) && Number(prefix) <= 32 && String(Number(prefix)) === prefix));
}

/** Canonical IPv6 text, optionally with /prefix. */
export function isIpv6Token(text: string): boolean {
  const [address, prefix, ...rest] = text.split('/');
  if (rest.length > 0 || address === undefined || !isIpv6Text(address) || canonicalIpv6(address) !== address) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= 128);
}

/** A Linux interface name (IFNAMSIZ 16 with the NUL; no space, slash or colon). */
export const isInterfaceName = (text: string): boolean => /^[A-Za-z0-9_.-]{1,15}$/.test(text) && text !== '.' && text !== '..';

export const isPort = (value: number): boolean => Number.isInteger(value) && value >= 1 && value <= 65535;

/** Comment text: one line. */
export function commentText(dialect: string, text: string): string {
  if (/[\r\n\u2028\u2029\u0085\0]/.test(text)) fail(dialect, 'comment', text);
  return text;
}
