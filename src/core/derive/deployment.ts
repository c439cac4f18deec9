import { ROUTERS, type RouterCapabilities } from '../caps/routers';
import { TARGETS, type LibreswanCaps, type StackId, type StrongswanCaps, type VpsTarget } from '../caps/targets';
import type { CryptoSuite } from '../crypto/algorithms';
import { aggregateNetworks, networkOf, parseIpv4Interface, type Ipv4Interface, type Ipv4Network } from '../net/ipv4';
import { canonicalIpv6 } from '../net/ipv6';
import type { Peer, Plan } from '../plan/schema';

export interface LanSegment {
  readonly interface: string;
  readonly address: Ipv4Interface;
  readonly network: Ipv4Network;
}

/** The plan with everything derived that more than one file needs, computed once. */
export interface Deployment {
  readonly plan: Plan;
  readonly peer: Peer;
  /** Where `peer` sits in `plan.peers`: findings name fields as `peers.<index>.…`. */
  readonly peerIndex: number;
  readonly router: RouterCapabilities;
  readonly target: VpsTarget;
  readonly stack: StackId;
  /** The chosen stack's capabilities on the target, or undefined when the target has no package for it. */
  readonly stackCaps: LibreswanCaps | StrongswanCaps | undefined;
  /** Who starts the negotiation (`both` in the seed: each side initiates and answers). */
  readonly vpsInitiates: boolean;
  readonly rtxInitiates: boolean;
  readonly rtxIpv6: string;
  readonly vpsIpv6: string;
  readonly lans: readonly LanSegment[];
  /** The home side as the VPS sees it: the LAN segments merged where they aggregate (the seed's /23). */
  readonly homeNetworks: readonly Ipv4Network[];
  readonly vpsAddress: Ipv4Interface;
  readonly vpsNetwork: Ipv4Network;
  readonly crypto: CryptoSuite;
}

export function stackOf(peer: Peer): StackId {
  return peer.vps.stack ?? TARGETS[peer.vps.target].defaultStack;
}

/** Assumes a plan that passed the schema; address texts are therefore parseable. */
export function deriveDeployment(plan: Plan): Deployment {
  const peer = plan.peers[0]!;
  const lans = plan.home.lans.map((lan): LanSegment => {
    const address = parseIpv4Interface(lan.address)!;
    return { interface: lan.interface, address, network: networkOf(address) };
  });
  const vpsAddress = parseIpv4Interface(peer.vps.privateAddress)!;
  const target = TARGETS[peer.vps.target];
  const stack = stackOf(peer);
  return {
    plan,
    peer,
    peerIndex: 0,
    router: ROUTERS[plan.router.model],
    target,
    stack,
    stackCaps: target.stacks[stack],
    vpsInitiates: peer.tunnel.initiator !== 'rtx',
    rtxInitiates: peer.tunnel.initiator !== 'vps',
    rtxIpv6: canonicalIpv6(plan.home.wanIpv6),
    vpsIpv6: canonicalIpv6(peer.vps.ipv6),
    lans,
    homeNetworks: aggregateNetworks(lans.map((lan) => lan.network)),
    vpsAddress,
    vpsNetwork: networkOf(vpsAddress),
    crypto: peer.tunnel.crypto,
  };
}

export function libreswanOf(deployment: Deployment): LibreswanCaps | undefined {
  return deployment.stack === 'libreswan' ? (deployment.stackCaps as LibreswanCaps | undefined) : undefined;
}

export function strongswanOf(deployment: Deployment): StrongswanCaps | undefined {
  return deployment.stack === 'strongswan' ? (deployment.stackCaps as StrongswanCaps | undefined) : undefined;
}

/** How the home reaches the IPv4 Internet, as the diagram and the review name it. */
export function ipv4AccessLabel(access: Plan['home']['ipv4Access']): string {
  if (access.kind === 'none') return 'PPPoE / none';
  return `${access.kind === 'ds-lite' ? 'DS-Lite' : 'MAP-E'} tunnel ${access.tunnelId}`;
}

/**
 * The VPS filter numbers the RTX side uses: one per admitted protocol. None when the WAN has no
 * `secure filter in` list: then every packet passes already, and creating a list would drop
 * everything else the WAN receives (a list ends in an implicit discard, rtx-commands.md §1.4).
 */
export function vpsFilterNumbers(plan: Plan): readonly number[] {
  if (plan.home.filters.inbound.length === 0) return [];
  const base = plan.home.filters.vpsFilterBase;
  return plan.home.filters.vpsScope === 'all-from-vps' ? [base] : [base, base + 1];
}
