import type { GeneratedFile } from '../../bundle/types';
import type { Deployment } from '../../derive/deployment';
import { numberToIpv4 } from '../../net/ipv4';
import { bi, both, type Bilingual } from '../../text/bilingual';
import { firewallPiece } from './firewall';
import { ipsecPiece } from './ipsecStack';
import { privateNicPiece } from './nic';
import type { ShellStep, VpsPiece } from './piece';
import { serializeScript, sh, type ShellCode } from './sh/shellCode';
import { sysctlPiece } from './sysctlPiece';

const PROLOGUE = [sh`set -eu`, sh`cd "$(dirname "$0")/.."`];

function stepLines(index: number, step: ShellStep): (ShellCode | undefined)[] {
  return [undefined, sh`echo ${`== ${index}. ${both(step.title)}`}`, ...step.commands];
}

function backupStep(name: string, pieces: readonly VpsPiece[], lastBackup: string): ShellStep {
  const installed = [
    ...pieces.flatMap((piece) => piece.files.flatMap((file) => (file.installTo ? [file.installTo] : []))),
    ...pieces.flatMap((piece) => piece.edits ?? []),
  ];
  return {
    title: bi('変更するファイルのバックアップ', 'Back up every file this changes'),
    commands: [
      sh`BACKUP=${`/root/${name}-backup-`}$(date +%Y%m%d-%H%M%S)`,
      sh`mkdir -p "$BACKUP"`,
      sh`for f in ${installed}; do`,
      sh`  if [ -e "$f" ]; then cp -a --parents "$f" "$BACKUP"; fi`,
      sh`done`,
      sh`echo "$BACKUP" > ${lastBackup}`,
      sh`echo "backup: $BACKUP"`,
    ],
  };
}

const scriptFile = (file: string, content: string, title: Bilingual): GeneratedFile => ({
  path: `vps/setup/${file}`,
  content,
  language: 'shell',
  side: 'vps',
  title,
  mode: '0755',
});

/**
 * apply.sh, verify.sh and rollback.sh, all derived from one list of pieces: one backup of every file
 * they install or edit, then each piece's steps in order; checks in the same order; undo in reverse.
 */
export function buildVpsScripts(d: Deployment): GeneratedFile[] {
  const name = d.peer.name;
  const ipsec = ipsecPiece(d);
  const pieces: readonly VpsPiece[] = [sysctlPiece(d), privateNicPiece(d), firewallPiece(d), ipsec];
  const lastBackup = `/root/${name}-last-backup`;
  const steps = [backupStep(name, pieces, lastBackup), ...pieces.flatMap((piece) => piece.apply)];
  const apply = serializeScript(
    [`${name}: apply the VPS side. 適用: cd vps && sudo sh setup/apply.sh`, `Target: ${d.target.label.en}, ${d.stack}`],
    [
      ...PROLOGUE,
      ...steps.flatMap((step, index) => stepLines(index + 1, step)),
      undefined,
      sh`echo ${`== ${both(bi('完了。確認は sh setup/verify.sh', 'Done. Check with: sh setup/verify.sh'))}`}`,
    ],
  );
  const rtxLan = numberToIpv4(d.lans[0]!.address.address);
  const vpsPrivate = numberToIpv4(d.vpsAddress.address);
  const ping = sh`ping -c 3 -I ${vpsPrivate} ${rtxLan}`;
  const verify = serializeScript(
    [`${name}: check the VPS side. 確認: cd vps && sudo sh setup/verify.sh`],
    [
      ...PROLOGUE,
      sh`status=0`,
      ...pieces.flatMap((piece) => piece.verify).map((command) => sh`echo ${`$ ${command.text}`}; ${command} || status=1`),
      sh`echo ${`$ ${ping.text}`}`,
      sh`${ping} || status=1`,
      sh`echo ${both(bi('トンネル経由の ping が通れば、ip -s xfrm state のカウンタが増えています。', 'If the ping over the tunnel answers, the ip -s xfrm state counters have grown.'))}`,
      sh`exit $status`,
    ],
  );
  const rollback = serializeScript(
    [`${name}: undo apply.sh and restore the backed-up files. 切り戻し: cd vps && sudo sh setup/rollback.sh`],
    [
      ...PROLOGUE,
      sh`BACKUP=$(cat ${lastBackup})`,
      sh`set +e`,
      ...[...pieces].reverse().flatMap((piece) => piece.rollback),
      sh`set -e`,
      sh`( cd "$BACKUP" && find . -type f | while read -r f; do cp -a "$f" "/\${f#./}"; done )`,
      sh`echo ${both(bi('元に戻しました。バックアップ: ', 'Restored. Backup: '))}"$BACKUP"`,
    ],
  );
  return [
    ...ipsec.files,
    ...pieces.filter((piece) => piece !== ipsec).flatMap((piece) => piece.files),
    scriptFile('apply.sh', apply, bi('VPS 適用スクリプト', 'VPS apply script')),
    scriptFile('verify.sh', verify, bi('VPS 確認スクリプト', 'VPS check script')),
    scriptFile('rollback.sh', rollback, bi('VPS 切り戻しスクリプト', 'VPS rollback script')),
  ];
}
