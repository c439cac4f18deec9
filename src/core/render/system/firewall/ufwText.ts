import { fail, isInterfaceName, isIpv4Token, isIpv6Token, isPort } from '../tokens';

/**
 * A ufw(8) rule as data; `ufwArgs` writes the words after `ufw` (the `ufw delete` form takes the
 * same words). Refuses an address, port or interface that is not one token of ufw's rule syntax.
 */
export interface UfwRule {
  /** `route` rules filter forwarded traffic. */
  readonly route?: boolean;
  readonly action: 'allow' | 'deny';
  readonly in?: string;
  readonly out?: string;
  readonly proto?: 'udp' | 'tcp' | 'esp';
  /** An address, a network, or `any`. */
  readonly from: string;
  readonly to: string;
  readonly ports?: readonly number[];
  /** `port a:b` (ufw needs `proto` with a range). */
  readonly portRange?: { readonly from: number; readonly to: number };
}

const D = 'ufw';

const endpoint = (value: string): string => (value === 'any' || isIpv4Token(value) || isIpv6Token(value) ? value : fail(D, 'address', value));
const iface = (value: string): string => (isInterfaceName(value) ? value : fail(D, 'interface', value));

export function ufwArgs(rule: UfwRule): string[] {
  const args: string[] = rule.route ? ['route', rule.action] : [rule.action];
  if (rule.in !== undefined) args.push('in', 'on', iface(rule.in));
  if (rule.out !== undefined) args.push('out', 'on', iface(rule.out));
  if (rule.proto !== undefined) args.push('proto', rule.proto);
  args.push('from', endpoint(rule.from), 'to', endpoint(rule.to));
  if (rule.ports !== undefined) {
    if (rule.ports.length === 0 || !rule.ports.every(isPort)) fail(D, 'ports', rule.ports);
    args.push('port', rule.ports.join(','));
  }
  if (rule.portRange !== undefined) {
    const { from, to } = rule.portRange;
    if (!(isPort(from) && isPort(to) && from < to) || rule.proto === undefined || rule.proto === 'esp') fail(D, 'port range', rule.portRange);
    args.push('port', `${from}:${to}`);
  }
  return args;
}
