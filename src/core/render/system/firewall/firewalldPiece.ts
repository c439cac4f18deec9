import type { VpsPiece } from '../piece';
import { cmd, sh } from '../sh/shellCode';
import { FIREWALL_TITLE, type FirewallIntent } from './intent';
import { iptablesArgs, type IptRule } from './iptablesText';
import { iptTopologyRules } from './topologyRules';
import { richRuleText } from './firewalldText';

/** firewalld (CentOS 7, EL8+): the `ipsec` service from the RTX only; home and VPS subnets trusted. */
export function firewalldPiece(intent: FirewallIntent): VpsPiece {
  const { homes, vps } = intent.tunnel;
  const rich = richRuleText({
    family: 'ipv6',
    ...(intent.ike.peer === undefined ? {} : { source: `${intent.ike.peer}/128` }),
    destination: `${intent.ike.local}/128`,
    element: { kind: 'service', name: 'ipsec' },
    action: 'accept',
  });
  const clamp = (from: string, to: string) => [
    'ipv4',
    'mangle',
    'FORWARD',
    '0',
    ...iptablesArgs([{ kind: 'src', net: from }, { kind: 'dst', net: to }, { kind: 'proto', proto: 'tcp' }, { kind: 'tcpSyn' }], {
      kind: 'setMss',
      size: intent.mss,
    }),
  ];
  const directs = homes.flatMap((home) => [clamp(home, vps), clamp(vps, home)]);
  // Port forwards and egress (issue 11) as direct rules; their chain field holds the built-in chain.
  // Each list gets rising priorities so that the accepts come before the drops.
  if (intent.topology) {
    const extra = iptTopologyRules(intent.topology, { dnat: 'PREROUTING', postrouting: 'POSTROUTING', forward: 'FORWARD', mss: 'FORWARD' }, intent.mss);
    const direct = (table: string, rules: readonly IptRule[]) =>
      rules.map((rule, index) => ['ipv4', table, rule.chain, String(index), ...iptablesArgs(rule.matches, rule.target)]);
    directs.push(...direct('nat', extra.dnat), ...direct('nat', extra.postrouting), ...direct('filter', extra.forward), ...direct('mangle', extra.mss));
  }
  const sources = [...homes, vps];
  return {
    files: [],
    apply: [
      {
        title: FIREWALL_TITLE,
        commands: [
          cmd('firewall-cmd', '--permanent', `--add-rich-rule=${rich}`),
          // A zone whose target is ACCEPT forwards what it receives (firewalld.zone(5)).
          ...sources.map((source) => cmd('firewall-cmd', '--permanent', '--zone=trusted', `--add-source=${source}`)),
          ...directs.map((rule) => cmd('firewall-cmd', '--permanent', '--direct', '--add-rule', ...rule)),
          sh`firewall-cmd --reload`,
        ],
      },
    ],
    rollback: [
      cmd('firewall-cmd', '--permanent', `--remove-rich-rule=${rich}`),
      ...sources.map((source) => cmd('firewall-cmd', '--permanent', '--zone=trusted', `--remove-source=${source}`)),
      ...directs.map((rule) => cmd('firewall-cmd', '--permanent', '--direct', '--remove-rule', ...rule)),
      sh`firewall-cmd --reload`,
    ],
    verify: [sh`firewall-cmd --list-rich-rules`, sh`firewall-cmd --zone=trusted --list-sources`],
  };
}
