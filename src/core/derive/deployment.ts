import { ROUTERS, type RouterCapabilities } from '../caps/routers';
import { TARGETS, type LibreswanCaps, type StackId, type StrongswanCaps, type VpsTarget } from '../caps/targets';
import type { CryptoSuite } from '../crypto/algorithms';
import { aggregateNetworks, formatNetwork, networkOf, parseIpv4Interface, type Ipv4Interface, type Ipv4Network } from '../net/ipv4';
import { canonicalIpv6 } from '../net/ipv6';
import { peerPaths, type PeerPaths } from '../plan/paths';
import type { Peer, Plan } from '../plan/schema';

export interface LanSegment {
  readonly interface: string;
  readonly address: Ipv4Interface;
  readonly network: Ipv4Network;
}

/**
 * Where a tunnel stands among the plan's peers that serve the same VPS network: `single` when no
 * other peer serves it; with backups, the first non-backup peer is the `primary` the RTX prefers.
 */
export type FailoverRole =
  { readonly kind: 'single' } | { readonly kind: 'primary'; readonly backups: readonly number[] } | { readonly kind: 'backup'; readonly primary: number };

/**
 * One tunnel of the plan (one home, one VPS) with everything derived that more than one file needs,
 * computed once. Builders take this single-tunnel view; generate() runs them once per peer and
 * merges what lands on the same device.
 */
export interface Deployment {
  readonly plan: Plan;
  /** Where `peer` sits in `plan.peers`: findings name fields as `peers.<index>.…` (via `paths`). */
  readonly peerIndex: number;
  readonly peer: Peer;
  /** Field paths of this peer, for findings. */
  readonly paths: PeerPaths;
  /** How many peers the plan has (builders name files per peer only when there are several). */
  readonly peerCount: number;
  readonly router: RouterCapabilities;
  readonly target: VpsTarget;
  readonly stack: StackId;
  /** The chosen stack's capabilities on the target, or undefined when the target has no package for it. */
  readonly stackCaps: LibreswanCaps | StrongswanCaps | undefined;
  /** Who starts the negotiation (`both` in the seed: each side initiates and answers). */
  readonly vpsInitiates: boolean;
  readonly rtxInitiates: boolean;
  /** The home's current WAN address (pinned on both sides unless `rtxFqdn` names the home). */
  readonly rtxIpv6: string;
  /**
   * The home's DNS name when `home.dns` gives one: the RTX then sends it as an FQDN ID and the VPS
   * identifies the home by it and never pins the address (issue 12). Undefined = literal address.
   */
  readonly rtxFqdn: string | undefined;
  readonly vpsIpv6: string;
  readonly lans: readonly LanSegment[];
  /** The home side as the VPS sees it: the LAN segments merged where they aggregate (the seed's /23). */
  readonly homeNetworks: readonly Ipv4Network[];
  readonly vpsAddress: Ipv4Interface;
  readonly vpsNetwork: Ipv4Network;
  readonly crypto: CryptoSuite;
  /** The RTX `ipv6 filter` numbers admitting this peer's VPS (none without a secure filter list). */
  readonly vpsFilters: readonly number[];
  readonly failover: FailoverRole;
}

export function stackOf(peer: Peer): StackId {
  return peer.vps.stack ?? TARGETS[peer.vps.target].defaultStack;
}

function failoverRole(plan: Plan, index: number, networkKey: (peer: Peer) => string): FailoverRole {
  const key = networkKey(plan.peers[index]!);
  const group = plan.peers.flatMap((peer, i) => (networkKey(peer) === key ? [i] : []));
  const primary = group.find((i) => !plan.peers[i]!.backup) ?? group[0]!;
  const backups = group.filter((i) => i !== primary && plan.peers[i]!.backup);
  if (index === primary) return backups.length > 0 ? { kind: 'primary', backups } : { kind: 'single' };
  return plan.peers[index]!.backup ? { kind: 'backup', primary } : { kind: 'single' };
}

/** The canonical DNS name of the home, when the plan names it by one. */
export function homeFqdn(plan: Plan): string | undefined {
  return plan.home.dns.kind === 'none' ? undefined : plan.home.dns.fqdn.toLowerCase().replace(/\.$/, '');
}

/**
 * The tunnel to `plan.peers[index]`. Assumes a plan that passed the schema; address texts are
 * therefore parseable.
 */
export function deriveDeployment(plan: Plan, index = 0): Deployment {
  const peer = plan.peers[index]!;
  const lans = plan.home.lans.map((lan): LanSegment => {
    const address = parseIpv4Interface(lan.address)!;
    return { interface: lan.interface, address, network: networkOf(address) };
  });
  const vpsAddress = parseIpv4Interface(peer.vps.privateAddress)!;
  const networkKey = (p: Peer) => formatNetwork(networkOf(parseIpv4Interface(p.vps.privateAddress)!));
  const target = TARGETS[peer.vps.target];
  const stack = stackOf(peer);
  return {
    plan,
    peerIndex: index,
    peer,
    paths: peerPaths(index),
    peerCount: plan.peers.length,
    router: ROUTERS[plan.router.model],
    target,
    stack,
    stackCaps: target.stacks[stack],
    vpsInitiates: peer.tunnel.initiator !== 'rtx',
    rtxInitiates: peer.tunnel.initiator !== 'vps',
    rtxIpv6: canonicalIpv6(plan.home.wanIpv6),
    rtxFqdn: homeFqdn(plan),
    vpsIpv6: canonicalIpv6(peer.vps.ipv6),
    lans,
    homeNetworks: aggregateNetworks(lans.map((lan) => lan.network)),
    vpsAddress,
    vpsNetwork: networkOf(vpsAddress),
    crypto: peer.tunnel.crypto,
    vpsFilters: vpsFilterNumbers(plan, index),
    failover: failoverRole(plan, index, networkKey),
  };
}

/** Every tunnel of the plan, in peer order. */
export function deriveDeployments(plan: Plan): Deployment[] {
  return plan.peers.map((_, index) => deriveDeployment(plan, index));
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

/** How many `ipv6 filter` numbers one VPS takes: one per admitted protocol, or the seed's catch-all. */
export function vpsFilterStride(plan: Plan): number {
  return plan.home.filters.vpsScope === 'all-from-vps' ? 1 : 2;
}

/**
 * The VPS filter numbers the RTX side uses for peer `index`: one per admitted protocol, peers in
 * consecutive blocks from `vpsFilterBase` so that they never collide. None when the WAN has no
 * `secure filter in` list: then every packet passes already, and creating a list would drop
 * everything else the WAN receives (a list ends in an implicit discard, rtx-commands.md §1.4).
 */
export function vpsFilterNumbers(plan: Plan, index = 0): readonly number[] {
  if (plan.home.filters.inbound.length === 0) return [];
  const stride = vpsFilterStride(plan);
  const base = plan.home.filters.vpsFilterBase + index * stride;
  return stride === 1 ? [base] : [base, base + 1];
}

/** Every VPS filter number of the plan, all peers. */
export function allVpsFilterNumbers(plan: Plan): readonly number[] {
  return plan.peers.flatMap((_, index) => vpsFilterNumbers(plan, index));
}
