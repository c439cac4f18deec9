import ipaddr from 'ipaddr.js';

export type Ipv6Kind = 'global' | 'documentation' | 'unique-local' | 'link-local' | 'loopback' | 'multicast' | 'unspecified' | 'other';

const IPV6_TEXT = /^[0-9A-Fa-f:.]{2,45}$/;

export function isIpv6Text(text: string): boolean {
  return IPV6_TEXT.test(text) && ipaddr.IPv6.isValid(text) && !text.includes('%');
}

/** Classifies an address so that the plan can demand a global unicast one for IKE/ESP endpoints. */
export function classifyIpv6(text: string): Ipv6Kind {
  const address = ipaddr.IPv6.parse(text);
  if (address.match(ipaddr.IPv6.parse('2001:db8::'), 32)) return 'documentation';
  switch (address.range()) {
    case 'unicast':
      return address.match(ipaddr.IPv6.parse('2000::'), 3) ? 'global' : 'other';
    case 'uniqueLocal':
      return 'unique-local';
    case 'linkLocal':
      return 'link-local';
    case 'loopback':
      return 'loopback';
    case 'multicast':
      return 'multicast';
    case 'unspecified':
      return 'unspecified';
    default:
      return 'other';
  }
}

/** RFC 5952 text (lower case, longest zero run compressed): what every daemon and the RTX accept. */
export function canonicalIpv6(text: string): string {
  return ipaddr.IPv6.parse(text).toString();
}
