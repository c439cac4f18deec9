import type { GeneratedFile } from '../../bundle/types';
import type { Deployment } from '../../derive/deployment';
import { numberToIpv4 } from '../../net/ipv4';
import { bi, both } from '../../text/bilingual';
import { firewallPiece } from './firewall';
import { ipsecPiece } from './ipsecStack';
import { privateNicPiece } from './privateNic';
import { sh, type ShellStep } from './shell';
import { renderSysctl } from './sysctl';

const SYSCTL_TITLE = bi('カーネル設定 (転送・リダイレクト・rp_filter)', 'Kernel settings (forwarding, redirects, rp_filter)');

function sysctlPiece(d: Deployment): { file: GeneratedFile; apply: ShellStep; rollback: string[] } {
  const content = renderSysctl(d);
  if (d.target.sysctl === 'append-sysctl-conf') {
    const marker = `# ${d.peer.name}: kernel settings`;
    return {
      file: {
        path: 'vps/setup/sysctl-append.conf',
        content,
        language: 'sysctl',
        side: 'vps',
        title: bi('/etc/sysctl.conf に追記する設定', 'Settings appended to /etc/sysctl.conf'),
      },
      apply: {
        title: SYSCTL_TITLE,
        commands: [`grep -qF ${sh(marker)} /etc/sysctl.conf || cat setup/sysctl-append.conf >> /etc/sysctl.conf`, 'sysctl -p'],
      },
      rollback: [],
    };
  }
  const path = `/etc/sysctl.d/99-${d.peer.name}.conf`;
  return {
    file: {
      path: `vps${path}`,
      content,
      language: 'sysctl',
      side: 'vps',
      title: bi('カーネル設定 (sysctl.d)', 'Kernel settings (sysctl.d)'),
      installTo: path,
      mode: '0644',
    },
    apply: { title: SYSCTL_TITLE, commands: [sh('install', '-m', '0644', path.slice(1), path), 'sysctl --system >/dev/null', 'sysctl net.ipv4.ip_forward'] },
    rollback: [sh('rm', '-f', path), 'sysctl --system >/dev/null'],
  };
}

function script(header: readonly string[], body: readonly string[]): string {
  return `${['#!/bin/sh', ...header.map((line) => `# ${line}`), 'set -eu', 'cd "$(dirname "$0")/.."', ...body].join('\n')}\n`;
}

function stepLines(index: number, step: ShellStep): string[] {
  return ['', `echo ${sh(`== ${index}. ${both(step.title)}`)}`, ...step.commands];
}

/** apply.sh, verify.sh and rollback.sh: one order, backups first, every file the bundle installs. */
export function buildVpsScripts(d: Deployment): GeneratedFile[] {
  const name = d.peer.name;
  const sysctl = sysctlPiece(d);
  const nic = privateNicPiece(d);
  const firewall = firewallPiece(d);
  const ipsec = ipsecPiece(d);
  const installed = [sysctl.file, ...nic.files, ...firewall.files, ...ipsec.files].flatMap((file) => (file.installTo ? [file.installTo] : []));
  if (d.target.sysctl === 'append-sysctl-conf') installed.push('/etc/sysctl.conf');
  const lastBackup = `/root/${name}-last-backup`;
  const backup: ShellStep = {
    title: bi('変更するファイルのバックアップ', 'Back up every file this changes'),
    commands: [
      `BACKUP=/root/${name}-backup-$(date +%Y%m%d-%H%M%S)`,
      'mkdir -p "$BACKUP"',
      `for f in ${installed.map((path) => sh(path)).join(' ')}; do`,
      '  if [ -e "$f" ]; then cp -a --parents "$f" "$BACKUP"; fi',
      'done',
      `echo "$BACKUP" > ${lastBackup}`,
      'echo "backup: $BACKUP"',
    ],
  };
  const steps = [backup, sysctl.apply, nic.apply, firewall.apply, ipsec.install, ipsec.start];
  const apply = script(
    [`${name}: apply the VPS side. 適用: cd vps && sudo sh setup/apply.sh`, `Target: ${d.target.label.en}, ${d.stack}`],
    [
      ...steps.flatMap((step, index) => stepLines(index + 1, step)),
      '',
      `echo ${sh(`== ${both(bi('完了。確認は sh setup/verify.sh', 'Done. Check with: sh setup/verify.sh'))}`)}`,
    ],
  );
  const rtxLan = numberToIpv4(d.lans[0]!.address.address);
  const vpsPrivate = numberToIpv4(d.vpsAddress.address);
  const verify = script(
    [`${name}: check the VPS side. 確認: cd vps && sudo sh setup/verify.sh`],
    [
      'status=0',
      ...['sysctl net.ipv4.ip_forward', ...nic.check, ...firewall.check, ...ipsec.check].map((command) => `echo ${sh(`$ ${command}`)}; ${command} || status=1`),
      `echo ${sh(`$ ping -c 3 -I ${vpsPrivate} ${rtxLan}`)}`,
      `ping -c 3 -I ${vpsPrivate} ${rtxLan} || status=1`,
      `echo ${sh(both(bi('トンネル経由の ping が通れば、ip -s xfrm state のカウンタが増えています。', 'If the ping over the tunnel answers, the ip -s xfrm state counters have grown.')))}`,
      'exit $status',
    ],
  );
  const rollback = script(
    [`${name}: undo apply.sh and restore the backed-up files. 切り戻し: cd vps && sudo sh setup/rollback.sh`],
    [
      `BACKUP=$(cat ${lastBackup})`,
      'set +e',
      ...ipsec.rollback,
      ...firewall.rollback,
      ...nic.rollback,
      ...sysctl.rollback,
      'set -e',
      '( cd "$BACKUP" && find . -type f | while read -r f; do cp -a "$f" "/${f#./}"; done )',
      `echo ${sh(both(bi('元に戻しました。バックアップ: ', 'Restored. Backup: ')))}"$BACKUP"`,
    ],
  );
  const scriptFile = (file: string, content: string, title: ReturnType<typeof bi>): GeneratedFile => ({
    path: `vps/setup/${file}`,
    content,
    language: 'shell',
    side: 'vps',
    title,
    mode: '0755',
  });
  return [
    ...ipsec.files,
    sysctl.file,
    ...nic.files,
    ...firewall.files,
    scriptFile('apply.sh', apply, bi('VPS 適用スクリプト', 'VPS apply script')),
    scriptFile('verify.sh', verify, bi('VPS 確認スクリプト', 'VPS check script')),
    scriptFile('rollback.sh', rollback, bi('VPS 切り戻しスクリプト', 'VPS rollback script')),
  ];
}
