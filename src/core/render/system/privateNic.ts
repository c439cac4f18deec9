import type { GeneratedFile } from '../../bundle/types';
import type { Deployment } from '../../derive/deployment';
import { formatInterface, formatNetwork, netmaskText, numberToIpv4 } from '../../net/ipv4';
import { bi } from '../../text/bilingual';
import { sh, type ShellStep } from './shell';

export interface NicPiece {
  readonly files: readonly GeneratedFile[];
  readonly apply: ShellStep;
  readonly rollback: readonly string[];
  readonly check: readonly string[];
}

const TITLE = bi(
  'プライベート NIC のアドレスと、VPS 自身から自宅 LAN への経路',
  'Private NIC address, and the route the VPS itself uses to reach the home LAN',
);

/**
 * The route for the VPS's own traffic to the home LAN: `via` its own private address, as the
 * seed's route-eth1 does, so the kernel picks that address as source and the packet matches the
 * IPsec policy (libreswan's updown adds no IPv4 route for IPv4 inside IPv6; ipsec-lab.md, traps).
 */
function homeRoutes(d: Deployment) {
  const self = numberToIpv4(d.vpsAddress.address);
  return d.homeNetworks.map((network) => ({ to: formatNetwork(network), via: self }));
}

function ifcfgPiece(d: Deployment): NicPiece {
  const nic = d.peer.vps.privateInterface;
  const dir = '/etc/sysconfig/network-scripts';
  const ifcfg = [
    `DEVICE="${nic}"`,
    'BOOTPROTO="none"',
    `IPADDR="${numberToIpv4(d.vpsAddress.address)}"`,
    `NETMASK="${netmaskText(d.vpsAddress.prefix)}"`,
    'ONBOOT="yes"',
    'TYPE="Ethernet"',
  ];
  const routes = homeRoutes(d).map((route) => `${route.to} via ${route.via} dev ${nic}`);
  return {
    files: [
      {
        path: `vps${dir}/ifcfg-${nic}`,
        content: `${ifcfg.join('\n')}\n`,
        language: 'ini',
        side: 'vps',
        title: bi(`${nic} の設定 (ifcfg)`, `${nic} settings (ifcfg)`),
        installTo: `${dir}/ifcfg-${nic}`,
        mode: '0644',
      },
      {
        path: `vps${dir}/route-${nic}`,
        content: `${routes.join('\n')}\n`,
        language: 'ini',
        side: 'vps',
        title: bi(`${nic} の経路 (route)`, `${nic} routes (route)`),
        installTo: `${dir}/route-${nic}`,
        mode: '0644',
      },
    ],
    apply: {
      title: TITLE,
      commands: [
        sh('install', '-m', '0644', `etc/sysconfig/network-scripts/ifcfg-${nic}`, `${dir}/ifcfg-${nic}`),
        sh('install', '-m', '0644', `etc/sysconfig/network-scripts/route-${nic}`, `${dir}/route-${nic}`),
        sh('ifdown', nic) + ' 2>/dev/null; ' + sh('ifup', nic),
      ],
    },
    rollback: [sh('ifdown', nic), sh('rm', '-f', `${dir}/ifcfg-${nic}`, `${dir}/route-${nic}`)],
    check: [sh('ip', '-4', 'addr', 'show', 'dev', nic), sh('ip', 'route', 'show', 'dev', nic)],
  };
}

function nmcliPiece(d: Deployment): NicPiece {
  const nic = d.peer.vps.privateInterface;
  const connection = `${d.peer.name}-private`;
  const routes = homeRoutes(d)
    .map((route) => `${route.to} ${route.via}`)
    .join(', ');
  return {
    files: [],
    apply: {
      title: TITLE,
      commands: [
        `nmcli -g NAME connection show | grep -qx ${sh(connection)} && ${sh('nmcli', 'connection', 'delete', connection)}`,
        sh(
          'nmcli',
          'connection',
          'add',
          'type',
          'ethernet',
          'ifname',
          nic,
          'con-name',
          connection,
          'ipv4.method',
          'manual',
          'ipv4.addresses',
          formatInterface(d.vpsAddress),
          'ipv4.routes',
          routes,
          'ipv6.method',
          'disabled',
          'connection.autoconnect',
          'yes',
        ),
        sh('nmcli', 'connection', 'up', connection),
      ],
    },
    rollback: [sh('nmcli', 'connection', 'delete', connection)],
    check: [sh('nmcli', 'connection', 'show', connection), sh('ip', 'route', 'show', 'dev', nic)],
  };
}

function netplanPiece(d: Deployment): NicPiece {
  const nic = d.peer.vps.privateInterface;
  const path = `/etc/netplan/60-${d.peer.name}.yaml`;
  const yaml = [
    `# ${d.peer.name}: private NIC and the route for the VPS's own traffic to the home LAN`,
    'network:',
    '  version: 2',
    '  ethernets:',
    `    ${nic}:`,
    '      dhcp4: false',
    '      dhcp6: false',
    `      addresses: [${formatInterface(d.vpsAddress)}]`,
    '      routes:',
    ...homeRoutes(d).flatMap((route) => [`        - to: ${route.to}`, `          via: ${route.via}`]),
  ];
  return {
    files: [
      {
        path: `vps${path}`,
        content: `${yaml.join('\n')}\n`,
        language: 'yaml',
        side: 'vps',
        title: bi('netplan 設定', 'netplan settings'),
        installTo: path,
        mode: '0600',
      },
    ],
    apply: {
      title: TITLE,
      commands: [sh('install', '-m', '0600', `etc/netplan/60-${d.peer.name}.yaml`, path), 'netplan generate', 'netplan apply'],
    },
    rollback: [sh('rm', '-f', path), 'netplan apply'],
    check: [sh('ip', '-4', 'addr', 'show', 'dev', nic), sh('ip', 'route', 'show', 'dev', nic)],
  };
}

function ifupdownPiece(d: Deployment): NicPiece {
  const nic = d.peer.vps.privateInterface;
  const path = `/etc/network/interfaces.d/${nic}`;
  const lines = [
    `# ${d.peer.name}: private NIC and the route for the VPS's own traffic to the home LAN`,
    `auto ${nic}`,
    `iface ${nic} inet static`,
    `    address ${formatInterface(d.vpsAddress)}`,
    ...homeRoutes(d).flatMap((route) => [
      `    up ip route replace ${route.to} via ${route.via} dev ${nic}`,
      `    down ip route del ${route.to} via ${route.via} dev ${nic} || true`,
    ]),
  ];
  return {
    files: [
      {
        path: `vps${path}`,
        content: `${lines.join('\n')}\n`,
        language: 'ini',
        side: 'vps',
        title: bi(`${nic} の設定 (ifupdown)`, `${nic} settings (ifupdown)`),
        installTo: path,
        mode: '0644',
      },
    ],
    apply: {
      title: TITLE,
      commands: [
        `grep -q '^source /etc/network/interfaces.d/' /etc/network/interfaces || echo 'source /etc/network/interfaces.d/*' >> /etc/network/interfaces`,
        sh('install', '-m', '0644', `etc/network/interfaces.d/${nic}`, path),
        sh('ifdown', nic) + ' 2>/dev/null; ' + sh('ifup', nic),
      ],
    },
    rollback: [sh('ifdown', nic), sh('rm', '-f', path)],
    check: [sh('ip', '-4', 'addr', 'show', 'dev', nic), sh('ip', 'route', 'show', 'dev', nic)],
  };
}

export function privateNicPiece(d: Deployment): NicPiece {
  switch (d.target.nic) {
    case 'ifcfg':
      return ifcfgPiece(d);
    case 'nmcli':
      return nmcliPiece(d);
    case 'netplan':
      return netplanPiece(d);
    case 'ifupdown':
      return ifupdownPiece(d);
  }
}
