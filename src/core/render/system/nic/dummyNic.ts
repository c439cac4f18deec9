import type { GeneratedFile } from '../../../bundle/types';
import type { Deployment } from '../../../derive/deployment';
import { topologyOf } from '../../../derive/topology';
import { formatInterface, formatNetwork, netmaskText, numberToIpv4 } from '../../../net/ipv4';
import { bi } from '../../../text/bilingual';
import { installedFile, type ShellStep, type VpsPiece } from '../piece';
import { cmd, quoted, serializeScript, sh, type ShellCode } from '../sh/shellCode';
import { commentText, fail, isInterfaceName, isIpv4Token } from '../tokens';
import { serializeIfcfg, serializeIfupdown, serializeRouteFile, type Ipv4Route } from './nicText';

/*
 * Single-NIC VPS (issue 11): the inner address lives on a dummy interface that the target's own
 * network configuration creates at every boot, so no private switch or second NIC is needed. The
 * routes for the VPS's own traffic to the home LAN are the private NIC's (`via` its own inner
 * address, seed style, on the dummy device): the kernel then picks the inner address as source and
 * the packets match the IPsec policy; without an SA they end in the dummy device, never on the wire.
 */

const TITLE = bi(
  'ダミーインターフェース (内側のアドレス) と、VPS 自身から自宅 LAN への経路',
  'Dummy interface (the inner address), and the route the VPS itself uses to reach the home LAN',
);

function homeRoutes(d: Deployment, dev: string): Ipv4Route[] {
  const self = numberToIpv4(d.vpsAddress.address);
  return d.homeNetworks.map((network) => ({ to: formatNetwork(network), via: self, dev }));
}

const step = (commands: ShellCode[]): ShellStep[] => [{ title: TITLE, commands }];
const ipChecks = (nic: string) => [cmd('ip', '-4', 'addr', 'show', 'dev', nic), cmd('ip', 'route', 'show', 'dev', nic)];
const createDummy = (nic: string) => sh`ip link show ${nic} >/dev/null 2>&1 || ${cmd('ip', 'link', 'add', nic, 'type', 'dummy')}`;

/**
 * CentOS 6/7: the initscripts have no dummy type, so the device is created by a script in
 * /etc/sysconfig/modules/, which rc.sysinit (EL6) and rhel-loadmodules.service (EL7) run before the
 * network service; ifcfg/route files then configure it like any NIC. UNVERIFIED on a real EL6/EL7
 * host (the initscripts documentation names the hook, no test ran it).
 */
function ifcfgDummy(d: Deployment, nic: string): VpsPiece {
  const dir = '/etc/sysconfig/network-scripts';
  const modules = `/etc/sysconfig/modules/${d.peer.name}-${nic}.modules`;
  const ifcfg = serializeIfcfg([
    ['DEVICE', nic],
    ['BOOTPROTO', 'none'],
    ['IPADDR', numberToIpv4(d.vpsAddress.address)],
    ['NETMASK', netmaskText(d.vpsAddress.prefix)],
    ['ONBOOT', 'yes'],
    ['TYPE', 'Ethernet'],
    ['NM_CONTROLLED', 'no'],
  ]);
  const script: GeneratedFile = {
    ...installedFile(
      modules,
      serializeScript([`${d.peer.name}: create the dummy interface ${nic} at boot, before the network service`], [createDummy(nic)]),
      'shell',
      bi(`${nic} を起動時に作るスクリプト`, `Creates ${nic} at boot`),
      '0644',
    ),
    mode: '0755',
  };
  const file = (name: string, content: string, title: ReturnType<typeof bi>) => installedFile(`${dir}/${name}`, content, 'ini', title, '0644');
  return {
    files: [
      script,
      file(`ifcfg-${nic}`, ifcfg, bi(`${nic} の設定 (ifcfg)`, `${nic} settings (ifcfg)`)),
      file(`route-${nic}`, serializeRouteFile(homeRoutes(d, nic)), bi(`${nic} の経路 (route)`, `${nic} routes (route)`)),
    ],
    apply: step([
      cmd('install', '-m', '0755', modules.slice(1), modules),
      cmd('sh', modules),
      cmd('install', '-m', '0644', `etc/sysconfig/network-scripts/ifcfg-${nic}`, `${dir}/ifcfg-${nic}`),
      cmd('install', '-m', '0644', `etc/sysconfig/network-scripts/route-${nic}`, `${dir}/route-${nic}`),
      sh`${cmd('ifdown', nic)} 2>/dev/null; ${cmd('ifup', nic)}`,
    ]),
    rollback: [cmd('ifdown', nic), cmd('ip', 'link', 'del', nic), cmd('rm', '-f', `${dir}/ifcfg-${nic}`, `${dir}/route-${nic}`, modules)],
    verify: ipChecks(nic),
  };
}

/** EL8+: NetworkManager has a dummy connection type (nmcli(1), `type dummy`). */
function nmcliDummy(d: Deployment, nic: string): VpsPiece {
  const connection = `${d.peer.name}-inner`;
  const routes = homeRoutes(d, nic)
    .map((route) => `${route.to} ${route.via}`)
    .join(', ');
  return {
    files: [],
    apply: step([
      sh`nmcli -g NAME connection show | grep -qx ${connection} && ${cmd('nmcli', 'connection', 'delete', connection)}`,
      cmd(
        'nmcli',
        'connection',
        'add',
        'type',
        'dummy',
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
      cmd('nmcli', 'connection', 'up', connection),
    ]),
    rollback: [cmd('nmcli', 'connection', 'delete', connection)],
    verify: [cmd('nmcli', 'connection', 'show', connection), ...ipChecks(nic)],
  };
}

/** systemd-networkd unit files: `[Section]` headers and `Key=value` lines of single tokens. */
function serializeNetworkd(preamble: string, sections: readonly (readonly [string, readonly (readonly [string, string])[]])[]): string {
  const lines = [`# ${commentText('networkd', preamble)}`];
  for (const [name, entries] of sections) {
    if (!/^[A-Z][A-Za-z]*$/.test(name)) fail('networkd', 'section', name);
    lines.push('', `[${name}]`);
    for (const [key, value] of entries) {
      if (!/^[A-Z][A-Za-z]*$/.test(key)) fail('networkd', 'key', key);
      if (!(isInterfaceName(value) || isIpv4Token(value))) fail('networkd', `value of ${key}`, value);
      lines.push(`${key}=${value}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Ubuntu: netplan renders to systemd-networkd, which also reads /etc/systemd/network directly; a
 * `.netdev` of Kind=dummy creates the device (systemd.netdev(5)). Written as networkd files because
 * netplan's own `dummy-devices` needs a newer netplan than Ubuntu 22.04 ships (UNVERIFIED version).
 * The home routes are on-link on the dummy with the inner address as source.
 */
function networkdDummy(d: Deployment, nic: string): VpsPiece {
  const base = `/etc/systemd/network/60-${d.peer.name}-${nic}`;
  const netdev = serializeNetworkd(`${d.peer.name}: the dummy interface holding the VPS inner address`, [
    [
      'NetDev',
      [
        ['Name', nic],
        ['Kind', 'dummy'],
      ],
    ],
  ]);
  const network = serializeNetworkd(`${d.peer.name}: the inner address and the route for the VPS's own traffic to the home LAN`, [
    ['Match', [['Name', nic]]],
    ['Network', [['Address', formatInterface(d.vpsAddress)]]],
    ...d.homeNetworks.map(
      (home) =>
        [
          'Route',
          [
            ['Destination', formatNetwork(home)],
            ['PreferredSource', numberToIpv4(d.vpsAddress.address)],
          ],
        ] as const,
    ),
  ]);
  return {
    files: [
      installedFile(`${base}.netdev`, netdev, 'ini', bi(`${nic} (ダミー) の定義`, `${nic} (dummy) definition`), '0644'),
      installedFile(`${base}.network`, network, 'ini', bi(`${nic} のアドレスと経路`, `${nic} address and routes`), '0644'),
    ],
    apply: step([
      cmd('install', '-m', '0644', `${base.slice(1)}.netdev`, `${base}.netdev`),
      cmd('install', '-m', '0644', `${base.slice(1)}.network`, `${base}.network`),
      sh`networkctl reload`,
      sh`networkctl reconfigure ${nic} 2>/dev/null || true`,
    ]),
    rollback: [cmd('rm', '-f', `${base}.netdev`, `${base}.network`), sh`${cmd('ip', 'link', 'del', nic)} 2>/dev/null || true`, sh`networkctl reload`],
    verify: [cmd('networkctl', 'status', nic), ...ipChecks(nic)],
  };
}

/** Debian ifupdown: the stanza creates the device in pre-up and deletes it in post-down. */
function ifupdownDummy(d: Deployment, nic: string): VpsPiece {
  const path = `/etc/network/interfaces.d/${nic}`;
  const content = serializeIfupdown(
    {
      iface: nic,
      method: 'static',
      options: [
        { key: 'pre-up', value: createDummy(nic) },
        { key: 'address', value: [formatInterface(d.vpsAddress)] },
        ...homeRoutes(d, nic).flatMap((route) => [
          { key: 'up', value: cmd('ip', 'route', 'replace', route.to, 'via', route.via, 'dev', route.dev) } as const,
          { key: 'down', value: sh`${cmd('ip', 'route', 'del', route.to, 'via', route.via, 'dev', route.dev)} || true` } as const,
        ]),
        { key: 'post-down', value: sh`${cmd('ip', 'link', 'del', nic)} || true` },
      ],
    },
    [`${d.peer.name}: dummy interface with the VPS inner address, and the route for the VPS's own traffic to the home LAN`],
  );
  return {
    files: [installedFile(path, content, 'ini', bi(`${nic} (ダミー) の設定 (ifupdown)`, `${nic} (dummy) settings (ifupdown)`), '0644')],
    apply: step([
      sh`grep -q ${quoted('^source /etc/network/interfaces.d/')} /etc/network/interfaces || echo ${quoted('source /etc/network/interfaces.d/*')} >> /etc/network/interfaces`,
      cmd('install', '-m', '0644', `etc/network/interfaces.d/${nic}`, path),
      sh`${cmd('ifdown', nic)} 2>/dev/null; ${cmd('ifup', nic)}`,
    ]),
    rollback: [cmd('ifdown', nic), cmd('rm', '-f', path)],
    verify: ipChecks(nic),
  };
}

const BY_TOOL = { ifcfg: ifcfgDummy, nmcli: nmcliDummy, netplan: networkdDummy, ifupdown: ifupdownDummy } as const;

export function dummyNicPiece(d: Deployment): VpsPiece {
  return BY_TOOL[d.target.nic](d, topologyOf(d).innerInterface);
}
