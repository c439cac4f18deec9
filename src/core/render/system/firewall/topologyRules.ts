import type { Deployment } from '../../../derive/deployment';
import { topologyOf } from '../../../derive/topology';
import { formatNetwork, numberToIpv4 } from '../../../net/ipv4';
import type { IptMatch, IptRule, IptTarget } from './iptablesText';
import type { NftMatch, NftRule } from './nftText';
import type { UfwRule } from './ufwText';

/*
 * The VPS firewall for issue 11, independent of the tool: port forwards (DNAT on the public
 * interface; SNAT to the inner address when that return path is chosen), masquerade for the egress
 * sources, forwarding between the public interface and the home networks limited to the forwarded
 * connections, their replies and the egress sources, and the MSS clamp for those flows. Each tool's
 * builder adds these to its own rules; nothing is added when no forward and no egress are planned.
 */

export interface ForwardIntent {
  readonly protocol: 'tcp' | 'udp';
  readonly publicFrom: number;
  readonly publicTo: number;
  readonly host: string;
  readonly hostFrom: number;
  readonly hostTo: number;
}

export interface TopologyIntent {
  readonly publicInterface: string;
  readonly homes: readonly string[];
  readonly forwards: readonly ForwardIntent[];
  /** The VPS inner address forwarded connections are rewritten to come from (return path `snat`). */
  readonly snatTo?: string;
  readonly egressSources: readonly string[];
}

export function topologyIntent(d: Deployment): TopologyIntent | undefined {
  const topology = topologyOf(d);
  if (topology.forwards.length === 0 && topology.egressSources.length === 0) return undefined;
  return {
    publicInterface: d.peer.vps.publicInterface,
    homes: d.homeNetworks.map(formatNetwork),
    forwards: topology.forwards.map(({ protocol, publicFrom, publicTo, hostText, hostFrom, hostTo }) => ({
      protocol,
      publicFrom,
      publicTo,
      host: hostText,
      hostFrom,
      hostTo,
    })),
    ...(topology.forwards.length > 0 && topology.returnPath === 'snat' ? { snatTo: numberToIpv4(d.vpsAddress.address) } : {}),
    egressSources: topology.egressSources.map(formatNetwork),
  };
}

/** The same rules for every iptables-based tool: nat PREROUTING/POSTROUTING, FORWARD, mangle FORWARD. */
export interface IptTopologyRules {
  readonly dnat: readonly IptRule[];
  readonly postrouting: readonly IptRule[];
  readonly forward: readonly IptRule[];
  readonly mss: readonly IptRule[];
}

const iptPorts = (from: number, to: number): IptMatch => (from === to ? { kind: 'dport', port: from } : { kind: 'dportRange', from, to });

export function iptTopologyRules(
  t: TopologyIntent,
  chains: { dnat: string; postrouting: string; forward: string; mss: string },
  mss: number,
): IptTopologyRules {
  const inPublic: IptMatch = { kind: 'iface', dir: 'in', name: t.publicInterface };
  const outPublic: IptMatch = { kind: 'iface', dir: 'out', name: t.publicInterface };
  const rule = (chain: string, matches: IptMatch[], target: IptTarget): IptRule => ({ chain, matches, target });
  const ACCEPT = { kind: 'ACCEPT' } as const;
  const DROP = { kind: 'DROP' } as const;
  const dnat = t.forwards.map((f) =>
    rule(
      chains.dnat,
      [inPublic, { kind: 'proto', proto: f.protocol, module: true }, iptPorts(f.publicFrom, f.publicTo)],
      // A range keeps its numbers (the checks ensure it), so only a single port names the home port.
      f.publicFrom === f.publicTo ? { kind: 'DNAT', to: f.host, port: f.hostFrom } : { kind: 'DNAT', to: f.host },
    ),
  );
  const snat = t.snatTo
    ? t.forwards.map((f) =>
        rule(
          chains.postrouting,
          [
            { kind: 'dst', net: f.host },
            { kind: 'proto', proto: f.protocol, module: true },
            iptPorts(f.hostFrom, f.hostTo),
            { kind: 'ctstate', states: ['DNAT'] },
          ],
          { kind: 'SNAT', to: t.snatTo! },
        ),
      )
    : [];
  const masquerade = t.egressSources.map((source) => rule(chains.postrouting, [{ kind: 'src', net: source }, outPublic], { kind: 'MASQUERADE' }));
  const forward = [
    ...t.homes.flatMap((home) => [
      rule(chains.forward, [inPublic, { kind: 'dst', net: home }, { kind: 'ctstate', states: ['DNAT'] }], ACCEPT),
      rule(chains.forward, [inPublic, { kind: 'dst', net: home }, { kind: 'ctstate', states: ['ESTABLISHED', 'RELATED'] }], ACCEPT),
      rule(chains.forward, [inPublic, { kind: 'dst', net: home }], DROP),
    ]),
    ...t.egressSources.map((source) => rule(chains.forward, [{ kind: 'src', net: source }, outPublic, { kind: 'policy', dir: 'in' }], ACCEPT)),
    ...t.homes.flatMap((home) => [
      rule(chains.forward, [{ kind: 'src', net: home }, outPublic, { kind: 'ctstate', states: ['ESTABLISHED', 'RELATED'] }], ACCEPT),
      rule(chains.forward, [{ kind: 'src', net: home }, outPublic], DROP),
    ]),
  ];
  const clamp = t.homes.flatMap((home) => [
    rule(chains.mss, [inPublic, { kind: 'dst', net: home }, { kind: 'proto', proto: 'tcp', module: true }, { kind: 'tcpSyn' }], { kind: 'setMss', size: mss }),
    rule(chains.mss, [{ kind: 'src', net: home }, outPublic, { kind: 'proto', proto: 'tcp', module: true }, { kind: 'tcpSyn' }], { kind: 'setMss', size: mss }),
  ]);
  return { dnat, postrouting: [...snat, ...masquerade], forward, mss: clamp };
}

/** nftables: the nat chains' rules and the rules added to the forward and clamp chains. */
export interface NftTopologyRules {
  readonly prerouting: readonly NftRule[];
  readonly postrouting: readonly NftRule[];
  readonly forward: readonly NftRule[];
  readonly clamp: readonly NftRule[];
}

const nftPorts = (proto: 'tcp' | 'udp', from: number, to: number): NftMatch =>
  from === to ? { kind: 'port', proto, field: 'dport', values: [from] } : { kind: 'portRange', proto, field: 'dport', from, to };

export function nftTopologyRules(t: TopologyIntent, mss: number): NftTopologyRules {
  const iif: NftMatch = { kind: 'iface', field: 'iifname', name: t.publicInterface };
  const oif: NftMatch = { kind: 'iface', field: 'oifname', name: t.publicInterface };
  const toHomes: NftMatch = { kind: 'addr', family: 'ip', field: 'daddr', values: t.homes };
  const fromHomes: NftMatch = { kind: 'addr', family: 'ip', field: 'saddr', values: t.homes };
  const accept = { kind: 'verdict', verdict: 'accept' } as const;
  const drop = { kind: 'verdict', verdict: 'drop' } as const;
  const replies: NftMatch = { kind: 'ct', key: 'state', values: ['established', 'related'] };
  const prerouting = t.forwards.map((f): NftRule => ({
    matches: [{ kind: 'nfproto', family: 'ipv4' }, iif, nftPorts(f.protocol, f.publicFrom, f.publicTo)],
    statement: f.publicFrom === f.publicTo ? { kind: 'dnat', family: 'ip', to: f.host, port: f.hostFrom } : { kind: 'dnat', family: 'ip', to: f.host },
  }));
  const snat = t.snatTo
    ? t.forwards.map((f): NftRule => ({
        matches: [
          { kind: 'addr', family: 'ip', field: 'daddr', values: [f.host] },
          nftPorts(f.protocol, f.hostFrom, f.hostTo),
          { kind: 'ct', key: 'status', values: ['dnat'] },
        ],
        statement: { kind: 'snat', family: 'ip', to: t.snatTo! },
      }))
    : [];
  const masquerade =
    t.egressSources.length > 0
      ? [{ matches: [oif, { kind: 'addr', family: 'ip', field: 'saddr', values: t.egressSources }], statement: { kind: 'masquerade' } } as NftRule]
      : [];
  const forward: NftRule[] = [
    { matches: [iif, toHomes, { kind: 'ct', key: 'status', values: ['dnat'] }], statement: accept },
    { matches: [iif, toHomes, replies], statement: accept },
    { matches: [iif, toHomes], statement: drop },
    ...(t.egressSources.length > 0
      ? [
          {
            matches: [{ kind: 'addr', family: 'ip', field: 'saddr', values: t.egressSources }, oif, { kind: 'ipsec', where: 'meta', present: true }],
            statement: accept,
          } as NftRule,
        ]
      : []),
    { matches: [fromHomes, oif, replies], statement: accept },
    { matches: [fromHomes, oif], statement: drop },
  ];
  const clamp: NftRule[] = [
    { matches: [iif, toHomes, { kind: 'tcpSyn' }], statement: { kind: 'setMss', size: mss } },
    { matches: [fromHomes, oif, { kind: 'tcpSyn' }], statement: { kind: 'setMss', size: mss } },
  ];
  return { prerouting, postrouting: [...snat, ...masquerade], forward, clamp };
}

/** ufw: `route allow` for the forwarded connections and the egress sources (the default forward policy drops the rest). */
export function ufwTopologyRules(t: TopologyIntent): UfwRule[] {
  return [
    ...t.forwards.map((f): UfwRule => ({
      route: true,
      action: 'allow',
      in: t.publicInterface,
      proto: f.protocol,
      from: 'any',
      to: f.host,
      ...(f.hostFrom === f.hostTo ? { ports: [f.hostFrom] } : { portRange: { from: f.hostFrom, to: f.hostTo } }),
    })),
    ...t.egressSources.map((source): UfwRule => ({ route: true, action: 'allow', out: t.publicInterface, from: source, to: 'any' })),
  ];
}
