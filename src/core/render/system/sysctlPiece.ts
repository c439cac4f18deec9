import type { Deployment } from '../../derive/deployment';
import { bi } from '../../text/bilingual';
import { installedFile, type VpsPiece } from './piece';
import { cmd, sh } from './sh/shellCode';
import { renderSysctl } from './sysctl';

const TITLE = bi('カーネル設定 (転送・リダイレクト・rp_filter)', 'Kernel settings (forwarding, redirects, rp_filter)');

/** Kernel settings: a sysctl.d file, or lines appended to /etc/sysctl.conf where sysctl.d is not known to be read. */
export function sysctlPiece(d: Deployment): VpsPiece {
  const content = renderSysctl(d);
  const verify = [sh`sysctl net.ipv4.ip_forward`];
  if (d.target.sysctl === 'append-sysctl-conf') {
    const marker = `# ${d.peer.name}: kernel settings`;
    const file = {
      path: 'vps/setup/sysctl-append.conf',
      content,
      language: 'sysctl',
      side: 'vps',
      title: bi('/etc/sysctl.conf に追記する設定', 'Settings appended to /etc/sysctl.conf'),
    } as const;
    return {
      files: [file],
      edits: ['/etc/sysctl.conf'],
      apply: [{ title: TITLE, commands: [sh`grep -qF ${marker} /etc/sysctl.conf || cat setup/sysctl-append.conf >> /etc/sysctl.conf`, sh`sysctl -p`] }],
      // The backup restores /etc/sysctl.conf.
      rollback: [],
      verify,
    };
  }
  const path = `/etc/sysctl.d/99-${d.peer.name}.conf`;
  return {
    files: [installedFile(path, content, 'sysctl', bi('カーネル設定 (sysctl.d)', 'Kernel settings (sysctl.d)'), '0644')],
    apply: [{ title: TITLE, commands: [cmd('install', '-m', '0644', path.slice(1), path), sh`sysctl --system >/dev/null`, sh`sysctl net.ipv4.ip_forward`] }],
    rollback: [cmd('rm', '-f', path), sh`sysctl --system >/dev/null`],
    verify,
  };
}
