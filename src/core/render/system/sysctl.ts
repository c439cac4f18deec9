import type { Deployment } from '../../derive/deployment';
import { commentText, fail } from './tokens';

interface SysctlSetting {
  readonly key: string;
  readonly value: string;
}

interface SysctlGroup {
  readonly why: string;
  readonly settings: readonly SysctlSetting[];
}

const KEY = /^[A-Za-z0-9_.-]+$/;
const VALUE = /^[0-9]+$/;

/** The interfaces whose own keys matter: `all`/`default` alone do not lower an existing one. */
function interfacesOf(d: Deployment): string[] {
  // A single-NIC VPS's dummy does not exist yet when these load; `default` covers it (issue 11).
  if (d.peer.vps.inner === 'dummy') return [...new Set([d.peer.vps.publicInterface, 'lo'])];
  return [...new Set([d.peer.vps.publicInterface, d.peer.vps.privateInterface, 'lo'])];
}

function sysctlGroups(d: Deployment): SysctlGroup[] {
  const perInterface = (suffix: string, scopes: readonly string[]) =>
    scopes.map((scope): SysctlSetting => ({ key: `net.ipv4.conf.${scope}.${suffix}`, value: '0' }));
  const scopes = ['all', 'default', ...interfacesOf(d)];
  return [
    {
      why: 'The VPS forwards the decrypted IPv4 between the tunnel and its private NIC. IPv6 forwarding stays off: it would stop RA-based IPv6 autoconfiguration.',
      settings: [{ key: 'net.ipv4.ip_forward', value: '1' }],
    },
    {
      why: 'ICMP redirects confuse XFRM policy routing (bogus redirects); send_redirects stays on for an interface while any of all/<nic> is 1, so each NIC is named.',
      settings: [...perInterface('send_redirects', scopes), ...perInterface('accept_redirects', scopes)],
    },
    {
      why: `Decrypted packets from the home LAN arrive on ${d.peer.vps.publicInterface} while the route back points at ${d.peer.vps.inner === 'dummy' ? d.peer.vps.dummyInterface : d.peer.vps.privateInterface}; strict reverse-path filtering would drop them. The kernel uses the larger of all/<nic>, so both are set.`,
      settings: perInterface('rp_filter', scopes),
    },
  ];
}

/** sysctl.conf(5): `key = value` lines; the key and the (numeric) value are checked, comments are one line. */
function serializeSysctl(header: string, groups: readonly SysctlGroup[]): string {
  const lines = [`# ${commentText('sysctl', header)}`];
  for (const group of groups) {
    lines.push('', `# ${commentText('sysctl', group.why)}`);
    for (const setting of group.settings) {
      if (!KEY.test(setting.key)) fail('sysctl', 'key', setting.key);
      if (!VALUE.test(setting.value)) fail('sysctl', 'value', setting.value);
      lines.push(`${setting.key} = ${setting.value}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function renderSysctl(d: Deployment): string {
  return serializeSysctl(`${d.peer.name}: kernel settings for the IPsec gateway (IPv4 inside IPv6)`, sysctlGroups(d));
}
