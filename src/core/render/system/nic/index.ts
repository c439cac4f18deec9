import type { Deployment } from '../../../derive/deployment';
import { formatInterface, formatNetwork, netmaskText, numberToIpv4 } from '../../../net/ipv4';
import { bi } from '../../../text/bilingual';
import { installedFile, type ShellStep, type VpsPiece } from '../piece';
import { cmd, quoted, sh, type ShellCode } from '../sh/shellCode';
import { dummyNicPiece } from './dummyNic';
import { serializeIfcfg, serializeIfupdown, serializeRouteFile, serializeYaml, type Ipv4Route } from './nicText';

const TITLE = bi(
  'プライベート NIC のアドレスと、VPS 自身から自宅 LAN への経路',
  'Private NIC address, and the route the VPS itself uses to reach the home LAN',
);

/**
 * The route for the VPS's own traffic to the home LAN: `via` its own private address, as the
 * seed's route-eth1 does, so the kernel picks that address as source and the packet matches the
 * IPsec policy (libreswan's updown adds no IPv4 route for IPv4 inside IPv6; ipsec-lab.md, traps).
 */
function homeRoutes(d: Deployment): Ipv4Route[] {
  const self = numberToIpv4(d.vpsAddress.address);
  return d.homeNetworks.map((network) => ({ to: formatNetwork(network), via: self, dev: d.peer.vps.privateInterface }));
}

const step = (commands: ShellCode[]): ShellStep[] => [{ title: TITLE, commands }];
const ipChecks = (nic: string) => [cmd('ip', '-4', 'addr', 'show', 'dev', nic), cmd('ip', 'route', 'show', 'dev', nic)];
const restart = (nic: string) => sh`${cmd('ifdown', nic)} 2>/dev/null; ${cmd('ifup', nic)}`;

function ifcfgPiece(d: Deployment): VpsPiece {
  const nic = d.peer.vps.privateInterface;
  const dir = '/etc/sysconfig/network-scripts';
  const ifcfg = serializeIfcfg([
    ['DEVICE', nic],
    ['BOOTPROTO', 'none'],
    ['IPADDR', numberToIpv4(d.vpsAddress.address)],
    ['NETMASK', netmaskText(d.vpsAddress.prefix)],
    ['ONBOOT', 'yes'],
    ['TYPE', 'Ethernet'],
  ]);
  const file = (name: string, content: string, title: ReturnType<typeof bi>) => installedFile(`${dir}/${name}`, content, 'ini', title, '0644');
  return {
    files: [
      file(`ifcfg-${nic}`, ifcfg, bi(`${nic} の設定 (ifcfg)`, `${nic} settings (ifcfg)`)),
      file(`route-${nic}`, serializeRouteFile(homeRoutes(d)), bi(`${nic} の経路 (route)`, `${nic} routes (route)`)),
    ],
    apply: step([
      cmd('install', '-m', '0644', `etc/sysconfig/network-scripts/ifcfg-${nic}`, `${dir}/ifcfg-${nic}`),
      cmd('install', '-m', '0644', `etc/sysconfig/network-scripts/route-${nic}`, `${dir}/route-${nic}`),
      restart(nic),
    ]),
    rollback: [cmd('ifdown', nic), cmd('rm', '-f', `${dir}/ifcfg-${nic}`, `${dir}/route-${nic}`)],
    verify: ipChecks(nic),
  };
}

function nmcliPiece(d: Deployment): VpsPiece {
  const nic = d.peer.vps.privateInterface;
  const connection = `${d.peer.name}-private`;
  const routes = homeRoutes(d)
    .map((route) => `${route.to} ${route.via}`)
    .join(', ');
  const add = ['connection', 'add', 'type', 'ethernet', 'ifname', nic, 'con-name', connection, 'ipv4.method', 'manual'];
  const settings = ['ipv4.addresses', formatInterface(d.vpsAddress), 'ipv4.routes', routes, 'ipv6.method', 'disabled', 'connection.autoconnect', 'yes'];
  return {
    files: [],
    apply: step([
      sh`nmcli -g NAME connection show | grep -qx ${connection} && ${cmd('nmcli', 'connection', 'delete', connection)}`,
      cmd('nmcli', ...add, ...settings),
      cmd('nmcli', 'connection', 'up', connection),
    ]),
    rollback: [cmd('nmcli', 'connection', 'delete', connection)],
    verify: [cmd('nmcli', 'connection', 'show', connection), cmd('ip', 'route', 'show', 'dev', nic)],
  };
}

function netplanPiece(d: Deployment): VpsPiece {
  const nic = d.peer.vps.privateInterface;
  const path = `/etc/netplan/60-${d.peer.name}.yaml`;
  const yaml = serializeYaml(
    {
      network: {
        version: 2,
        ethernets: {
          [nic]: {
            dhcp4: false,
            dhcp6: false,
            addresses: [formatInterface(d.vpsAddress)],
            routes: homeRoutes(d).map((route) => ({ to: route.to, via: route.via })),
          },
        },
      },
    },
    [`${d.peer.name}: private NIC and the route for the VPS's own traffic to the home LAN`],
  );
  return {
    files: [installedFile(path, yaml, 'yaml', bi('netplan 設定', 'netplan settings'), '0600')],
    apply: step([cmd('install', '-m', '0600', path.slice(1), path), sh`netplan generate`, sh`netplan apply`]),
    rollback: [cmd('rm', '-f', path), sh`netplan apply`],
    verify: ipChecks(nic),
  };
}

function ifupdownPiece(d: Deployment): VpsPiece {
  const nic = d.peer.vps.privateInterface;
  const path = `/etc/network/interfaces.d/${nic}`;
  const content = serializeIfupdown(
    {
      iface: nic,
      method: 'static',
      options: [
        { key: 'address', value: [formatInterface(d.vpsAddress)] },
        ...homeRoutes(d).flatMap((route) => [
          { key: 'up', value: cmd('ip', 'route', 'replace', route.to, 'via', route.via, 'dev', route.dev) } as const,
          { key: 'down', value: sh`${cmd('ip', 'route', 'del', route.to, 'via', route.via, 'dev', route.dev)} || true` } as const,
        ]),
      ],
    },
    [`${d.peer.name}: private NIC and the route for the VPS's own traffic to the home LAN`],
  );
  return {
    files: [installedFile(path, content, 'ini', bi(`${nic} の設定 (ifupdown)`, `${nic} settings (ifupdown)`), '0644')],
    apply: step([
      sh`grep -q ${quoted('^source /etc/network/interfaces.d/')} /etc/network/interfaces || echo ${quoted('source /etc/network/interfaces.d/*')} >> /etc/network/interfaces`,
      cmd('install', '-m', '0644', `etc/network/interfaces.d/${nic}`, path),
      restart(nic),
    ]),
    rollback: [cmd('ifdown', nic), cmd('rm', '-f', path)],
    verify: ipChecks(nic),
  };
}

const BY_TOOL = { ifcfg: ifcfgPiece, nmcli: nmcliPiece, netplan: netplanPiece, ifupdown: ifupdownPiece } as const;

export function privateNicPiece(d: Deployment): VpsPiece {
  if (d.peer.vps.inner === 'dummy') return dummyNicPiece(d);
  return BY_TOOL[d.target.nic](d);
}
