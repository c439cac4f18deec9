import { bi } from '../../../text/bilingual';
import { installedFile, type VpsPiece } from '../piece';
import { cmd, quoted, sh } from '../sh/shellCode';
import { FIREWALL_TITLE, type FirewallIntent } from './intent';
import { nftRuleText, serializeNft, type NftChain, type NftMatch, type NftRule, type NftTable } from './nftText';
import { nftTopologyRules } from './topologyRules';

const addr = (family: 'ip' | 'ip6', field: 'saddr' | 'daddr', values: readonly string[], negate = false): NftMatch => ({
  kind: 'addr',
  family,
  field,
  values,
  ...(negate ? { negate } : {}),
});
const IKE_PORTS: NftMatch = { kind: 'port', proto: 'udp', field: 'dport', values: [500, 4500] };
const ESP: NftMatch = { kind: 'l4proto', proto: 'esp' };
const DROP = { kind: 'verdict', verdict: 'drop' } as const;
const ACCEPT = { kind: 'verdict', verdict: 'accept' } as const;

export function nftTableName(intent: FirewallIntent): string {
  return `rtx_ipsec_${intent.name.replace(/-/g, '_')}`;
}

/**
 * An nftables table of its own (Debian). Separate tables cannot override another table's drop, so
 * this one restricts (IKE/ESP from anyone but the RTX is dropped, home⇄VPS traffic must be
 * IPsec-protected) and clamps MSS; a default-drop ruleset elsewhere must also accept these flows.
 */
export function nftTable(intent: FirewallIntent): NftTable {
  const { ike, tunnel, mss } = intent;
  const homes = addr('ip', 'saddr', tunnel.homes);
  const toHomes = addr('ip', 'daddr', tunnel.homes);
  const clamp = (matches: NftMatch[]): NftRule => ({ matches: [...matches, { kind: 'tcpSyn' }], statement: { kind: 'setMss', size: mss } });
  const extra = intent.topology ? nftTopologyRules(intent.topology, mss) : undefined;
  const nat = (name: 'prerouting' | 'postrouting', priority: number, rules: readonly NftRule[] | undefined): NftChain[] =>
    rules && rules.length > 0 ? [{ name, type: 'nat', hook: name, priority, policy: 'accept', rules }] : [];
  return {
    family: 'inet',
    name: nftTableName(intent),
    chains: [
      {
        name: 'input',
        type: 'filter',
        hook: 'input',
        priority: 0,
        policy: 'accept',
        // Nothing to restrict for a home named by DNS: IKE/ESP come from wherever it is (issue 12).
        rules:
          ike.peer === undefined
            ? []
            : [
                { matches: [addr('ip6', 'daddr', [ike.local]), IKE_PORTS, addr('ip6', 'saddr', [ike.peer], true)], statement: DROP },
                { matches: [addr('ip6', 'daddr', [ike.local]), ESP, addr('ip6', 'saddr', [ike.peer], true)], statement: DROP },
              ],
      },
      {
        name: 'forward',
        type: 'filter',
        hook: 'forward',
        priority: 0,
        policy: 'accept',
        rules: [
          { matches: [homes, addr('ip', 'daddr', [tunnel.vps]), { kind: 'ipsec', where: 'meta', present: false }], statement: DROP },
          { matches: [addr('ip', 'saddr', [tunnel.vps]), toHomes, { kind: 'ipsec', where: 'rt', present: false }], statement: DROP },
          ...(extra?.forward ?? []),
        ],
      },
      {
        name: 'clamp',
        type: 'filter',
        hook: 'forward',
        priority: -150,
        policy: 'accept',
        rules: [clamp([addr('ip', 'saddr', [tunnel.vps]), toHomes]), clamp([homes, addr('ip', 'daddr', [tunnel.vps])]), ...(extra?.clamp ?? [])],
      },
      ...nat('prerouting', -100, extra?.prerouting),
      ...nat('postrouting', 100, extra?.postrouting),
    ],
  };
}

/** What a default-drop main ruleset must also accept, written as nft rules for the comment. */
function hints(intent: FirewallIntent): string[] {
  const peer = intent.ike.peer === undefined ? [] : [addr('ip6', 'saddr', [intent.ike.peer])];
  const pairs: NftRule[][] = [
    [
      { matches: [...peer, IKE_PORTS], statement: ACCEPT },
      { matches: [...peer, ESP], statement: ACCEPT },
    ],
    [
      { matches: [{ kind: 'ipsec', where: 'meta', present: true }, addr('ip', 'saddr', intent.tunnel.homes)], statement: ACCEPT },
      { matches: [{ kind: 'ipsec', where: 'rt', present: true }, addr('ip', 'daddr', intent.tunnel.homes)], statement: ACCEPT },
    ],
  ];
  return pairs.map((rules) => `  ${rules.map(nftRuleText).join(' ; ')}`);
}

export function nftablesPiece(intent: FirewallIntent): VpsPiece {
  const { name } = intent;
  const table = nftTableName(intent);
  const path = `/etc/nftables.d/${name}.nft`;
  const content = serializeNft(nftTable(intent), [
    `${name}: IKE/ESP only from the RTX; home LAN <-> ${intent.tunnel.vps} only through IPsec; MSS clamp.`,
    'If your main ruleset (/etc/nftables.conf) drops by default, also accept there:',
    ...hints(intent),
  ]);
  return {
    files: [installedFile(path, content, 'nft', bi('nftables テーブル', 'nftables table'), '0644')],
    apply: [
      {
        title: FIREWALL_TITLE,
        commands: [
          sh`mkdir -p /etc/nftables.d`,
          cmd('install', '-m', '0644', path.slice(1), path),
          sh`nft -c -f ${path}`,
          sh`nft list table inet ${table} >/dev/null 2>&1 && nft delete table inet ${table}; nft -f ${path}`,
          sh`grep -q ${quoted(path)} /etc/nftables.conf || echo ${quoted(`include "${path}"`)} >> /etc/nftables.conf`,
          sh`systemctl enable nftables`,
        ],
      },
    ],
    rollback: [sh`nft delete table inet ${table}`, sh`sed -i ${quoted(`\\#${path}#d`)} /etc/nftables.conf`, cmd('rm', '-f', path)],
    verify: [sh`nft list table inet ${table}`],
  };
}
