import type { Deployment } from '../../../derive/deployment';
import { formatNetwork } from '../../../net/ipv4';
import { bi } from '../../../text/bilingual';
import { espTcpMss } from '../mss';
import { topologyIntent, type TopologyIntent } from './topologyRules';

/**
 * What the VPS firewall must do, independent of the tool. Each tool's builder (nftables, iptables,
 * firewalld, ufw) turns this into its own rule data, and that tool's serializer writes the text.
 */
export interface FirewallIntent {
  readonly name: string;
  /**
   * IKE (udp/500, udp/4500) and ESP to `local` are admitted from `peer` only; from any source when
   * `peer` is undefined: a home named by DNS has no fixed address (issue 12, README trade-off).
   */
  readonly ike: { readonly peer: string | undefined; readonly local: string };
  /** Inner IPv4 between each home network and the VPS network, and only through the IPsec SAs. */
  readonly tunnel: { readonly homes: readonly string[]; readonly vps: string };
  /** TCP MSS set on forwarded SYNs between the home networks and the VPS network, both ways. */
  readonly mss: number;
  /** Port forwards and egress through the VPS (issue 11); absent when neither is planned. */
  readonly topology?: TopologyIntent;
}

export const FIREWALL_TITLE = bi(
  'ファイアウォール: RTX からの IKE/ESP だけを受け入れ、トンネルとプライベート NIC の間を転送',
  'Firewall: admit IKE/ESP from the RTX only and forward between the tunnel and the private NIC',
);

export function firewallIntent(d: Deployment): FirewallIntent {
  return {
    name: d.peer.name,
    ike: { peer: d.rtxFqdn === undefined ? d.rtxIpv6 : undefined, local: d.vpsIpv6 },
    tunnel: { homes: d.homeNetworks.map(formatNetwork), vps: formatNetwork(d.vpsNetwork) },
    mss: espTcpMss(d.crypto),
    ...(topologyIntent(d) ? { topology: topologyIntent(d)! } : {}),
  };
}
