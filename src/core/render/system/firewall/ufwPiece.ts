import { bi } from '../../../text/bilingual';
import type { VpsPiece } from '../piece';
import { cmd, sh } from '../sh/shellCode';
import { FIREWALL_TITLE, type FirewallIntent } from './intent';
import { mssClampRules } from './iptablesPiece';
import { serializeIptablesRestore } from './iptablesText';
import { iptTopologyRules, ufwTopologyRules } from './topologyRules';
import { ufwArgs, type UfwRule } from './ufwText';

export function ufwRules(intent: FirewallIntent): UfwRule[] {
  const { peer, local } = intent.ike;
  const { homes, vps } = intent.tunnel;
  return [
    { action: 'allow', proto: 'udp', from: peer ?? 'any', to: local, ports: [500, 4500] },
    { action: 'allow', proto: 'esp', from: peer ?? 'any', to: local },
    ...homes.flatMap((home): UfwRule[] => [
      { action: 'allow', from: home, to: vps },
      { route: true, action: 'allow', from: home, to: vps },
      { route: true, action: 'allow', from: vps, to: home },
    ]),
    ...(intent.topology ? ufwTopologyRules(intent.topology) : []),
  ];
}

/**
 * ufw (Ubuntu): linux-ipsec.md §3.4; forwarding needs `route allow` as the default policy drops.
 * ufw has no MSS command, so a `*mangle` section is put in front of /etc/ufw/before.rules, which
 * ufw feeds to iptables-restore.
 */
export function ufwPiece(intent: FirewallIntent): VpsPiece {
  const { name } = intent;
  const marker = `${name}: MSS clamp for the IPsec tunnel`;
  const end = `${name}: end`;
  // Port forwards and egress (issue 11): ufw has no NAT command either, so their nat rules go into
  // the same block; `route allow` rules admit the forwarded connections.
  const extra = intent.topology
    ? iptTopologyRules(intent.topology, { dnat: 'PREROUTING', postrouting: 'POSTROUTING', forward: 'FORWARD', mss: 'FORWARD' }, intent.mss)
    : undefined;
  const mangle = serializeIptablesRestore([
    { kind: 'comment', text: marker },
    { kind: 'table', table: 'mangle', chains: [{ name: 'FORWARD', policy: 'ACCEPT' }], rules: [...mssClampRules(intent, 'FORWARD'), ...(extra?.mss ?? [])] },
    ...(extra
      ? [
          {
            kind: 'table' as const,
            table: 'nat' as const,
            chains: [
              { name: 'PREROUTING', policy: 'ACCEPT' as const },
              { name: 'POSTROUTING', policy: 'ACCEPT' as const },
            ],
            rules: [...extra.dnat, ...extra.postrouting],
          },
        ]
      : []),
    { kind: 'comment', text: end },
  ]);
  const rules = ufwRules(intent);
  return {
    files: [
      {
        path: 'vps/setup/ufw-before-mangle.rules',
        content: mangle,
        language: 'iptables',
        side: 'vps',
        title: bi('/etc/ufw/before.rules の先頭に入れる MSS 設定', 'MSS clamp put at the top of /etc/ufw/before.rules'),
      },
    ],
    apply: [
      {
        title: FIREWALL_TITLE,
        commands: [
          ...rules.map((rule) => cmd('ufw', ...ufwArgs(rule))),
          sh`grep -qF ${`# ${marker}`} /etc/ufw/before.rules || { cat setup/ufw-before-mangle.rules /etc/ufw/before.rules > /etc/ufw/before.rules.new && mv /etc/ufw/before.rules.new /etc/ufw/before.rules; }`,
          sh`ufw reload`,
        ],
      },
    ],
    rollback: [
      ...rules.map((rule) => cmd('ufw', 'delete', ...ufwArgs(rule))),
      sh`sed -i ${`/^# ${marker}$/,/^# ${end}$/d`} /etc/ufw/before.rules`,
      sh`ufw reload`,
    ],
    verify: [sh`ufw status verbose`, sh`iptables -t mangle -n -L FORWARD`],
  };
}
