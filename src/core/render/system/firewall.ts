import type { GeneratedFile } from '../../bundle/types';
import type { Deployment } from '../../derive/deployment';
import { formatNetwork } from '../../net/ipv4';
import { bi } from '../../text/bilingual';
import { espTcpMss } from './mss';
import { sh, type ShellStep } from './shell';

/** What a firewall tool contributes: files to install or feed, apply steps and their undo. */
export interface FirewallPiece {
  readonly files: readonly GeneratedFile[];
  readonly apply: ShellStep;
  readonly rollback: readonly string[];
  readonly check: readonly string[];
}

const IN_CHAIN = 'RTX-IPSEC-IN';
const FWD_CHAIN = 'RTX-IPSEC-FWD';
const MSS_CHAIN = 'RTX-IPSEC-MSS';

const TITLE = bi(
  'ファイアウォール: RTX からの IKE/ESP だけを受け入れ、トンネルとプライベート NIC の間を転送',
  'Firewall: admit IKE/ESP from the RTX only and forward between the tunnel and the private NIC',
);

/**
 * Where IKE/ESP may come from: the RTX's address, or anywhere when the home is named by DNS and its
 * address changes (issue 12; the trade-off is explained in the bundle README).
 */
const rtxPrefix = (d: Deployment): string => (d.rtxFqdn === undefined ? `${d.rtxIpv6}/128` : '::/0');
const rtxFrom = (d: Deployment): string => (d.rtxFqdn === undefined ? d.rtxIpv6 : 'any');

function homeAndVps(d: Deployment) {
  return { homes: d.homeNetworks.map(formatNetwork), vps: formatNetwork(d.vpsNetwork), mss: espTcpMss(d.crypto) };
}

/** ip6tables/iptables-restore fragments, applied with --noflush so the user's rules stay (CentOS 6). */
function iptablesPiece(d: Deployment): FirewallPiece {
  const { homes, vps, mss } = homeAndVps(d);
  const ipv6 = [
    `# ${d.peer.name}: IKE and ESP from the RTX only. Apply: ip6tables-restore --noflush < this file`,
    '*filter',
    `:${IN_CHAIN} - [0:0]`,
    `-I INPUT 1 -s ${rtxPrefix(d)} -d ${d.vpsIpv6}/128 -j ${IN_CHAIN}`,
    `-A ${IN_CHAIN} -p udp -m udp --dport 500 -j ACCEPT`,
    `-A ${IN_CHAIN} -p udp -m udp --dport 4500 -j ACCEPT`,
    `-A ${IN_CHAIN} -p esp -j ACCEPT`,
    'COMMIT',
  ];
  const ipv4 = [
    `# ${d.peer.name}: IPv4 between the home LAN and ${vps}, only through the IPsec policy. Apply: iptables-restore --noflush < this file`,
    '*filter',
    `:${IN_CHAIN} - [0:0]`,
    `:${FWD_CHAIN} - [0:0]`,
    `-I INPUT 1 -j ${IN_CHAIN}`,
    `-I FORWARD 1 -j ${FWD_CHAIN}`,
    ...homes.flatMap((home) => [
      `-A ${IN_CHAIN} -s ${home} -m policy --dir in --pol ipsec --proto esp -j ACCEPT`,
      `-A ${FWD_CHAIN} -s ${home} -d ${vps} -m policy --dir in --pol ipsec --proto esp -j ACCEPT`,
      `-A ${FWD_CHAIN} -s ${vps} -d ${home} -m policy --dir out --pol ipsec --proto esp -j ACCEPT`,
    ]),
    'COMMIT',
    '*mangle',
    `:${MSS_CHAIN} - [0:0]`,
    `-I FORWARD 1 -j ${MSS_CHAIN}`,
    ...homes.flatMap((home) => [
      `-A ${MSS_CHAIN} -s ${home} -d ${vps} -p tcp -m tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss ${mss}`,
      `-A ${MSS_CHAIN} -s ${vps} -d ${home} -p tcp -m tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss ${mss}`,
    ]),
    'COMMIT',
  ];
  const dir = 'setup';
  return {
    files: [
      {
        path: `vps/${dir}/ip6tables.rules`,
        content: `${ipv6.join('\n')}\n`,
        language: 'iptables',
        side: 'vps',
        title: bi('ip6tables ルール (IKE/ESP)', 'ip6tables rules (IKE/ESP)'),
      },
      {
        path: `vps/${dir}/iptables.rules`,
        content: `${ipv4.join('\n')}\n`,
        language: 'iptables',
        side: 'vps',
        title: bi('iptables ルール (転送と MSS)', 'iptables rules (forwarding and MSS)'),
      },
    ],
    apply: {
      title: TITLE,
      commands: [
        `ip6tables -n -L ${IN_CHAIN} >/dev/null 2>&1 || ip6tables-restore --noflush < ${dir}/ip6tables.rules`,
        `iptables -n -L ${FWD_CHAIN} >/dev/null 2>&1 || iptables-restore --noflush < ${dir}/iptables.rules`,
        'service ip6tables save',
        'service iptables save',
      ],
    },
    rollback: [
      `ip6tables -D INPUT -s ${rtxPrefix(d)} -d ${d.vpsIpv6}/128 -j ${IN_CHAIN}; ip6tables -F ${IN_CHAIN}; ip6tables -X ${IN_CHAIN}`,
      `iptables -D INPUT -j ${IN_CHAIN}; iptables -F ${IN_CHAIN}; iptables -X ${IN_CHAIN}`,
      `iptables -D FORWARD -j ${FWD_CHAIN}; iptables -F ${FWD_CHAIN}; iptables -X ${FWD_CHAIN}`,
      `iptables -t mangle -D FORWARD -j ${MSS_CHAIN}; iptables -t mangle -F ${MSS_CHAIN}; iptables -t mangle -X ${MSS_CHAIN}`,
      'service ip6tables save',
      'service iptables save',
    ],
    check: [`ip6tables -n -v -L ${IN_CHAIN}`, `iptables -n -v -L ${FWD_CHAIN}`],
  };
}

/**
 * An nftables table of its own (Debian). Separate tables cannot override another table's drop, so
 * this one restricts (IKE/ESP from anyone but the RTX is dropped, home⇄VPS traffic must be
 * IPsec-protected) and clamps MSS; a default-drop ruleset elsewhere must also accept these flows.
 */
function nftablesPiece(d: Deployment): FirewallPiece {
  const { homes, vps, mss } = homeAndVps(d);
  const table = `rtx_ipsec_${d.peer.name.replace(/-/g, '_')}`;
  const homeSet = homes.length === 1 ? homes[0]! : `{ ${homes.join(', ')} }`;
  const path = `/etc/nftables.d/${d.peer.name}.nft`;
  const content = [
    `# ${d.peer.name}: IKE/ESP only from the RTX; home LAN <-> ${vps} only through IPsec; MSS clamp.`,
    '# If your main ruleset (/etc/nftables.conf) drops by default, also accept there:',
    d.rtxFqdn === undefined
      ? `#   ip6 saddr ${d.rtxIpv6} udp dport { 500, 4500 } accept ; ip6 saddr ${d.rtxIpv6} meta l4proto esp accept`
      : '#   udp dport { 500, 4500 } accept ; meta l4proto esp accept',
    `#   meta ipsec exists ip saddr ${homeSet} accept ; rt ipsec exists ip daddr ${homeSet} accept`,
    `table inet ${table} {`,
    '  chain input {',
    '    type filter hook input priority 0; policy accept;',
    // A home named by DNS has no fixed address to restrict to (issue 12): IKE/ESP from anyone.
    ...(d.rtxFqdn === undefined
      ? [
          `    ip6 daddr ${d.vpsIpv6} udp dport { 500, 4500 } ip6 saddr != ${d.rtxIpv6} drop`,
          `    ip6 daddr ${d.vpsIpv6} meta l4proto esp ip6 saddr != ${d.rtxIpv6} drop`,
        ]
      : []),
    '  }',
    '  chain forward {',
    '    type filter hook forward priority 0; policy accept;',
    `    ip saddr ${homeSet} ip daddr ${vps} meta ipsec missing drop`,
    `    ip saddr ${vps} ip daddr ${homeSet} rt ipsec missing drop`,
    '  }',
    '  chain clamp {',
    '    type filter hook forward priority -150; policy accept;',
    `    ip saddr ${vps} ip daddr ${homeSet} tcp flags & (syn | rst) == syn tcp option maxseg size set ${mss}`,
    `    ip saddr ${homeSet} ip daddr ${vps} tcp flags & (syn | rst) == syn tcp option maxseg size set ${mss}`,
    '  }',
    '}',
  ];
  return {
    files: [
      {
        path: `vps${path}`,
        content: `${content.join('\n')}\n`,
        language: 'nft',
        side: 'vps',
        title: bi('nftables テーブル', 'nftables table'),
        installTo: path,
        mode: '0644',
      },
    ],
    apply: {
      title: TITLE,
      commands: [
        'mkdir -p /etc/nftables.d',
        sh('install', '-m', '0644', `etc/nftables.d/${d.peer.name}.nft`, path),
        `nft -c -f ${path}`,
        `nft list table inet ${table} >/dev/null 2>&1 && nft delete table inet ${table}; nft -f ${path}`,
        `grep -q '${path}' /etc/nftables.conf || echo 'include "${path}"' >> /etc/nftables.conf`,
        'systemctl enable nftables',
      ],
    },
    rollback: [`nft delete table inet ${table}`, `sed -i '\\#${path}#d' /etc/nftables.conf`, `rm -f ${path}`],
    check: [`nft list table inet ${table}`],
  };
}

/** firewalld (CentOS 7, EL8+): the `ipsec` service from the RTX only; home and VPS subnets trusted. */
function firewalldPiece(d: Deployment): FirewallPiece {
  const { homes, vps, mss } = homeAndVps(d);
  const source = d.rtxFqdn === undefined ? ` source address="${d.rtxIpv6}/128"` : '';
  const rich = `rule family="ipv6"${source} destination address="${d.vpsIpv6}/128" service name="ipsec" accept`;
  const directs = homes.flatMap((home) => [
    ['ipv4', 'mangle', 'FORWARD', '0', '-s', home, '-d', vps, '-p', 'tcp', '--tcp-flags', 'SYN,RST', 'SYN', '-j', 'TCPMSS', '--set-mss', String(mss)],
    ['ipv4', 'mangle', 'FORWARD', '0', '-s', vps, '-d', home, '-p', 'tcp', '--tcp-flags', 'SYN,RST', 'SYN', '-j', 'TCPMSS', '--set-mss', String(mss)],
  ]);
  const sources = [...homes, vps];
  return {
    files: [],
    apply: {
      title: TITLE,
      commands: [
        sh('firewall-cmd', '--permanent', `--add-rich-rule=${rich}`),
        // A zone whose target is ACCEPT forwards what it receives (firewalld.zone(5)).
        ...sources.map((source) => sh('firewall-cmd', '--permanent', '--zone=trusted', `--add-source=${source}`)),
        ...directs.map((rule) => sh('firewall-cmd', '--permanent', '--direct', '--add-rule', ...rule)),
        'firewall-cmd --reload',
      ],
    },
    rollback: [
      sh('firewall-cmd', '--permanent', `--remove-rich-rule=${rich}`),
      ...sources.map((source) => sh('firewall-cmd', '--permanent', '--zone=trusted', `--remove-source=${source}`)),
      ...directs.map((rule) => sh('firewall-cmd', '--permanent', '--direct', '--remove-rule', ...rule)),
      'firewall-cmd --reload',
    ],
    check: ['firewall-cmd --list-rich-rules', 'firewall-cmd --zone=trusted --list-sources'],
  };
}

/**
 * ufw (Ubuntu): linux-ipsec.md §3.4; forwarding needs `route allow` as the default policy drops.
 * ufw has no MSS command, so a `*mangle` section is put in front of /etc/ufw/before.rules, which
 * ufw feeds to iptables-restore.
 */
function ufwPiece(d: Deployment): FirewallPiece {
  const { homes, vps, mss } = homeAndVps(d);
  const marker = `# ${d.peer.name}: MSS clamp for the IPsec tunnel`;
  const mangle = [
    marker,
    '*mangle',
    ':FORWARD ACCEPT [0:0]',
    ...homes.flatMap((home) => [
      `-A FORWARD -s ${home} -d ${vps} -p tcp -m tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss ${mss}`,
      `-A FORWARD -s ${vps} -d ${home} -p tcp -m tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss ${mss}`,
    ]),
    'COMMIT',
    `# ${d.peer.name}: end`,
  ];
  const rules = [
    ['allow', 'proto', 'udp', 'from', rtxFrom(d), 'to', d.vpsIpv6, 'port', '500,4500'],
    ['allow', 'proto', 'esp', 'from', rtxFrom(d), 'to', d.vpsIpv6],
    ...homes.flatMap((home) => [
      ['allow', 'from', home, 'to', vps],
      ['route', 'allow', 'from', home, 'to', vps],
      ['route', 'allow', 'from', vps, 'to', home],
    ]),
  ];
  return {
    files: [
      {
        path: 'vps/setup/ufw-before-mangle.rules',
        content: `${mangle.join('\n')}\n`,
        language: 'iptables',
        side: 'vps',
        title: bi('/etc/ufw/before.rules の先頭に入れる MSS 設定', 'MSS clamp put at the top of /etc/ufw/before.rules'),
      },
    ],
    apply: {
      title: TITLE,
      commands: [
        ...rules.map((rule) => sh('ufw', ...rule)),
        `grep -qF ${sh(marker)} /etc/ufw/before.rules || { cat setup/ufw-before-mangle.rules /etc/ufw/before.rules > /etc/ufw/before.rules.new && mv /etc/ufw/before.rules.new /etc/ufw/before.rules; }`,
        'ufw reload',
      ],
    },
    rollback: [
      ...rules.map((rule) => sh('ufw', 'delete', ...rule)),
      `sed -i ${sh(`/^${marker}$/,/^# ${d.peer.name}: end$/d`)} /etc/ufw/before.rules`,
      'ufw reload',
    ],
    check: ['ufw status verbose', 'iptables -t mangle -n -L FORWARD'],
  };
}

export function firewallPiece(d: Deployment): FirewallPiece {
  switch (d.target.firewall) {
    case 'iptables':
      return iptablesPiece(d);
    case 'nftables':
      return nftablesPiece(d);
    case 'firewalld':
      return firewalldPiece(d);
    case 'ufw':
      return ufwPiece(d);
  }
}
