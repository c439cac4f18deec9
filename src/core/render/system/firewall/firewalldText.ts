import { fail, isIpv4Token, isIpv6Token, isPort } from '../tokens';

/**
 * A firewalld rich rule as data (firewalld.richlanguage(5)); `richRuleText` writes the one
 * argument `--add-rich-rule=` takes. Attribute values are double-quoted, so each is checked to be
 * an address or a number before it is put between the quotes.
 */
export type RichElement =
  | { readonly kind: 'service'; readonly name: 'ipsec' | 'ssh' }
  | { readonly kind: 'port'; readonly port: number; readonly protocol: 'tcp' | 'udp' }
  | { readonly kind: 'forward-port'; readonly port: number; readonly protocol: 'tcp' | 'udp'; readonly toPort: number; readonly toAddr: string }
  | { readonly kind: 'masquerade' };

export interface RichRule {
  readonly family: 'ipv4' | 'ipv6';
  readonly source?: string;
  readonly destination?: string;
  readonly element: RichElement;
  /** Omitted for forward-port and masquerade, which are actions themselves. */
  readonly action?: 'accept' | 'drop';
}

const D = 'firewalld';

function address(family: RichRule['family'], value: string): string {
  return (family === 'ipv4' ? isIpv4Token(value) : isIpv6Token(value)) ? value : fail(D, `${family} address`, value);
}

const port = (value: number): string => (isPort(value) ? String(value) : fail(D, 'port', value));

function elementText(rule: RichRule, element: RichElement): string {
  switch (element.kind) {
    case 'service':
      return `service name="${element.name}"`;
    case 'port':
      return `port port="${port(element.port)}" protocol="${element.protocol}"`;
    case 'forward-port':
      return `forward-port port="${port(element.port)}" protocol="${element.protocol}" to-port="${port(element.toPort)}" to-addr="${address(rule.family, element.toAddr)}"`;
    case 'masquerade':
      return 'masquerade';
  }
}

export function richRuleText(rule: RichRule): string {
  const parts = [`rule family="${rule.family}"`];
  if (rule.source !== undefined) parts.push(`source address="${address(rule.family, rule.source)}"`);
  if (rule.destination !== undefined) parts.push(`destination address="${address(rule.family, rule.destination)}"`);
  parts.push(elementText(rule, rule.element));
  if (rule.action !== undefined) parts.push(rule.action);
  return parts.join(' ');
}
