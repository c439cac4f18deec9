import type { Bilingual } from '../../core/index';
import { IPV6_PREFIX, IPV6_ZONE } from '../steps/hints';

/**
 * Why a pasted IPv6 address is not one, when the reason is recognisable: a prefix length or a zone
 * id copied along with it. These are not dropped silently: /64 may mean the user copied the prefix.
 */
export function ipv6PasteProblem(value: unknown): Bilingual | undefined {
  if (typeof value !== 'string') return undefined;
  const found = /\/\d*$/.exec(value) ?? /%[^%]*$/.exec(value);
  if (!found) return undefined;
  const text = found[0].startsWith('/') ? IPV6_PREFIX : IPV6_ZONE;
  return { ja: text.ja.replace('{suffix}', found[0]), en: text.en.replace('{suffix}', found[0]) };
}
