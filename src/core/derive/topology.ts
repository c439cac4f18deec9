import { formatNetwork, ipv4ToNumber, parseIpv4Network, type Ipv4Network } from '../net/ipv4';
import type { Deployment } from './deployment';

/*
 * What the topology choices of one tunnel (issue 11) mean for every file: the interface holding the
 * VPS's inner address, the port forwards in a normal form, the home sources that leave through the
 * VPS, and the traffic selectors on the VPS side. Computed from the Deployment, so the builders of
 * both sides read the same facts.
 */

export interface PortForward {
  readonly index: number;
  readonly protocol: 'tcp' | 'udp';
  readonly publicFrom: number;
  readonly publicTo: number;
  readonly host: number;
  readonly hostText: string;
  readonly hostFrom: number;
  readonly hostTo: number;
}

export interface Topology {
  readonly singleNic: boolean;
  /** The interface that holds the VPS's inner address: the private NIC, or the dummy in single-NIC mode. */
  readonly innerInterface: string;
  readonly forwards: readonly PortForward[];
  readonly returnPath: 'snat' | 'client-address';
  /** The home sources whose Internet traffic leaves from the VPS; empty when egress is off. */
  readonly egressSources: readonly Ipv4Network[];
  readonly egressWhenDown: 'fallback' | 'block';
  /**
   * The VPS side's traffic selector is 0.0.0.0/0 when home hosts talk to Internet addresses through
   * the tunnel: egress, or forwards that keep the client's address.
   */
  readonly widened: boolean;
}

const WHOLE_INTERNET: Ipv4Network = { base: 0, prefix: 0 };

export function topologyOf(d: Deployment): Topology {
  const { peer } = d;
  const forwards = peer.portForwards.map((forward, index): PortForward => {
    const publicTo = forward.publicPortEnd ?? forward.publicPort;
    const hostFrom = forward.hostPort ?? forward.publicPort;
    return {
      index,
      protocol: forward.protocol,
      publicFrom: forward.publicPort,
      publicTo,
      host: ipv4ToNumber(forward.host),
      hostText: forward.host,
      hostFrom,
      hostTo: hostFrom + (publicTo - forward.publicPort),
    };
  });
  const egress = peer.egress;
  const egressSources =
    egress.mode === 'all' ? d.lans.map((lan) => lan.network) : egress.mode === 'selected' ? egress.sources.map((text) => parseIpv4Network(text)!) : [];
  const returnPath = peer.forwardReturn;
  return {
    singleNic: peer.vps.inner === 'dummy',
    innerInterface: peer.vps.inner === 'dummy' ? peer.vps.dummyInterface : peer.vps.privateInterface,
    forwards,
    returnPath,
    egressSources,
    egressWhenDown: egress.whenDown,
    widened: egressSources.length > 0 || (forwards.length > 0 && returnPath === 'client-address'),
  };
}

/** The VPS side's traffic selector: its inner subnet, or every IPv4 address when widened. */
export function vpsSelector(d: Deployment): Ipv4Network {
  return topologyOf(d).widened ? WHOLE_INTERNET : d.vpsNetwork;
}

export const vpsSelectorText = (d: Deployment): string => formatNetwork(vpsSelector(d));

/** A port or a port range as `from-to` (RTX filters, iptables use `:`, nft `-`). */
export function portText(from: number, to: number, separator = '-'): string {
  return from === to ? String(from) : `${from}${separator}${to}`;
}

/** RTX filter-type routes this tunnel adds (one `ip filter` per return-path forward and per egress source). */
export function routeFilterCount(d: Deployment): number {
  const topology = topologyOf(d);
  const returns = topology.returnPath === 'client-address' ? topology.forwards.length : 0;
  return returns + topology.egressSources.length;
}
