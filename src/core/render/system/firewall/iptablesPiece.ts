import { bi } from '../../../text/bilingual';
import type { VpsPiece } from '../piece';
import { sh } from '../sh/shellCode';
import { FIREWALL_TITLE, type FirewallIntent } from './intent';
import { serializeIptablesRestore, type IptItem, type IptMatch, type IptRule } from './iptablesText';
import { iptTopologyRules } from './topologyRules';

const IN_CHAIN = 'RTX-IPSEC-IN';
const FWD_CHAIN = 'RTX-IPSEC-FWD';
const MSS_CHAIN = 'RTX-IPSEC-MSS';
const DNAT_CHAIN = 'RTX-IPSEC-DNAT';
const POST_CHAIN = 'RTX-IPSEC-POST';

const src = (net: string): IptMatch => ({ kind: 'src', net });
const dst = (net: string): IptMatch => ({ kind: 'dst', net });
const policy = (dir: 'in' | 'out'): IptMatch => ({ kind: 'policy', dir });
const ACCEPT = { kind: 'ACCEPT' } as const;

/** MSS clamp rules for forwarded SYNs between each home network and the VPS network, both ways. */
export function mssClampRules(intent: FirewallIntent, chain: string): IptRule[] {
  const { homes, vps } = intent.tunnel;
  const clamp = (from: string, to: string): IptRule => ({
    chain,
    matches: [src(from), dst(to), { kind: 'proto', proto: 'tcp', module: true }, { kind: 'tcpSyn' }],
    target: { kind: 'setMss', size: intent.mss },
  });
  return homes.flatMap((home) => [clamp(home, vps), clamp(vps, home)]);
}

/** ip6tables-restore input: IKE and ESP from the RTX to this VPS jump to a chain that accepts them. */
export function ip6tablesItems(intent: FirewallIntent): IptItem[] {
  const { peer, local } = intent.ike;
  return [
    { kind: 'comment', text: `${intent.name}: IKE and ESP from the RTX only. Apply: ip6tables-restore --noflush < this file` },
    {
      kind: 'table',
      table: 'filter',
      chains: [{ name: IN_CHAIN, policy: '-' }],
      rules: [
        {
          chain: 'INPUT',
          insert: 1,
          matches: [src(peer === undefined ? '::/0' : `${peer}/128`), dst(`${local}/128`)],
          target: { kind: 'jump', chain: IN_CHAIN },
        },
        {
          chain: IN_CHAIN,
          matches: [
            { kind: 'proto', proto: 'udp', module: true },
            { kind: 'dport', port: 500 },
          ],
          target: ACCEPT,
        },
        {
          chain: IN_CHAIN,
          matches: [
            { kind: 'proto', proto: 'udp', module: true },
            { kind: 'dport', port: 4500 },
          ],
          target: ACCEPT,
        },
        { chain: IN_CHAIN, matches: [{ kind: 'proto', proto: 'esp' }], target: ACCEPT },
      ],
    },
  ];
}

/** iptables-restore input: inner IPv4 between the home LAN and the VPS network, only through IPsec. */
export function iptablesItems(intent: FirewallIntent): IptItem[] {
  const { homes, vps } = intent.tunnel;
  const extra = intent.topology
    ? iptTopologyRules(intent.topology, { dnat: DNAT_CHAIN, postrouting: POST_CHAIN, forward: FWD_CHAIN, mss: MSS_CHAIN }, intent.mss)
    : undefined;
  const nat: IptItem[] = extra
    ? [
        {
          kind: 'table',
          table: 'nat',
          chains: [
            { name: DNAT_CHAIN, policy: '-' },
            { name: POST_CHAIN, policy: '-' },
          ],
          rules: [
            { chain: 'PREROUTING', insert: 1, matches: [], target: { kind: 'jump', chain: DNAT_CHAIN } },
            { chain: 'POSTROUTING', insert: 1, matches: [], target: { kind: 'jump', chain: POST_CHAIN } },
            ...extra.dnat,
            ...extra.postrouting,
          ],
        },
      ]
    : [];
  return [
    {
      kind: 'comment',
      text: `${intent.name}: IPv4 between the home LAN and ${vps}, only through the IPsec policy. Apply: iptables-restore --noflush < this file`,
    },
    {
      kind: 'table',
      table: 'filter',
      chains: [
        { name: IN_CHAIN, policy: '-' },
        { name: FWD_CHAIN, policy: '-' },
      ],
      rules: [
        { chain: 'INPUT', insert: 1, matches: [], target: { kind: 'jump', chain: IN_CHAIN } },
        { chain: 'FORWARD', insert: 1, matches: [], target: { kind: 'jump', chain: FWD_CHAIN } },
        ...homes.flatMap((home): IptRule[] => [
          { chain: IN_CHAIN, matches: [src(home), policy('in')], target: ACCEPT },
          { chain: FWD_CHAIN, matches: [src(home), dst(vps), policy('in')], target: ACCEPT },
          { chain: FWD_CHAIN, matches: [src(vps), dst(home), policy('out')], target: ACCEPT },
        ]),
        ...(extra?.forward ?? []),
      ],
    },
    {
      kind: 'table',
      table: 'mangle',
      chains: [{ name: MSS_CHAIN, policy: '-' }],
      rules: [
        { chain: 'FORWARD', insert: 1, matches: [], target: { kind: 'jump', chain: MSS_CHAIN } },
        ...mssClampRules(intent, MSS_CHAIN),
        ...(extra?.mss ?? []),
      ],
    },
    ...nat,
  ];
}

/** ip6tables/iptables-restore fragments, applied with --noflush so the user's rules stay (CentOS 6). */
export function iptablesPiece(intent: FirewallIntent): VpsPiece {
  const dir = 'setup';
  const { peer, local } = intent.ike;
  const file = (name: string, items: IptItem[], title: ReturnType<typeof bi>) => ({
    path: `vps/${dir}/${name}`,
    content: serializeIptablesRestore(items),
    language: 'iptables' as const,
    side: 'vps' as const,
    title,
  });
  return {
    files: [
      file('ip6tables.rules', ip6tablesItems(intent), bi('ip6tables ルール (IKE/ESP)', 'ip6tables rules (IKE/ESP)')),
      file('iptables.rules', iptablesItems(intent), bi('iptables ルール (転送と MSS)', 'iptables rules (forwarding and MSS)')),
    ],
    apply: [
      {
        title: FIREWALL_TITLE,
        commands: [
          sh`ip6tables -n -L ${IN_CHAIN} >/dev/null 2>&1 || ip6tables-restore --noflush < ${`${dir}/ip6tables.rules`}`,
          sh`iptables -n -L ${FWD_CHAIN} >/dev/null 2>&1 || iptables-restore --noflush < ${`${dir}/iptables.rules`}`,
          sh`service ip6tables save`,
          sh`service iptables save`,
        ],
      },
    ],
    rollback: [
      sh`ip6tables -D INPUT -s ${peer === undefined ? '::/0' : `${peer}/128`} -d ${`${local}/128`} -j ${IN_CHAIN}; ip6tables -F ${IN_CHAIN}; ip6tables -X ${IN_CHAIN}`,
      sh`iptables -D INPUT -j ${IN_CHAIN}; iptables -F ${IN_CHAIN}; iptables -X ${IN_CHAIN}`,
      sh`iptables -D FORWARD -j ${FWD_CHAIN}; iptables -F ${FWD_CHAIN}; iptables -X ${FWD_CHAIN}`,
      sh`iptables -t mangle -D FORWARD -j ${MSS_CHAIN}; iptables -t mangle -F ${MSS_CHAIN}; iptables -t mangle -X ${MSS_CHAIN}`,
      ...(intent.topology
        ? [
            sh`iptables -t nat -D PREROUTING -j ${DNAT_CHAIN}; iptables -t nat -F ${DNAT_CHAIN}; iptables -t nat -X ${DNAT_CHAIN}`,
            sh`iptables -t nat -D POSTROUTING -j ${POST_CHAIN}; iptables -t nat -F ${POST_CHAIN}; iptables -t nat -X ${POST_CHAIN}`,
          ]
        : []),
      sh`service ip6tables save`,
      sh`service iptables save`,
    ],
    verify: [sh`ip6tables -n -v -L ${IN_CHAIN}`, sh`iptables -n -v -L ${FWD_CHAIN}`],
  };
}
