import type { GeneratedFile } from '../../bundle/types';
import type { Finding } from '../../findings';
import type { Deployment } from '../../derive/deployment';
import { formatNetwork, numberToIpv4 } from '../../net/ipv4';
import { topologyReadmeLines } from './topologyReadme';
import { topologyOf } from '../../derive/topology';
import { dynamicHomeSection } from './dynamicHome';

function fileTable(files: readonly GeneratedFile[]): string[] {
  return [
    '| ファイル / File | 内容 / What | 置き場所 / Goes to |',
    '|---|---|---|',
    ...files.map((file) => `| \`${file.path}\` | ${file.title.ja} / ${file.title.en} | ${file.installTo ? `\`${file.installTo}\`${file.mode ? ` (${file.mode})` : ''}` : '—'} |`),
  ];
}

function findingLines(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return [];
  return ['## 注意 / Notes', '', ...findings.map((finding) => `- **${finding.level}** \`${finding.path}\`: ${finding.message.ja} / ${finding.message.en}`), ''];
}

/** README.md of the bundle: what each file is, where it goes, the order, the checks and the undo. */
export function renderBundleReadme(d: Deployment, files: readonly GeneratedFile[], findings: readonly Finding[]): string {
  const { plan, peer } = d;
  const lanAddress = numberToIpv4(d.lans[0]!.address.address);
  const vpsPrivate = numberToIpv4(d.vpsAddress.address);
  const homes = d.homeNetworks.map(formatNetwork).join(', ');
  const vpsNet = formatNetwork(d.vpsNetwork);
  const hgw = plan.hgw.enabled;
  return [
    `# ${peer.name}: ${plan.router.model} ⇄ VPS IPsec (IPv4 over IPv6)`,
    '',
    `- RTX: ${plan.router.model} Rev.${plan.router.firmware}, ${d.rtxFqdn ?? d.rtxIpv6}, LAN ${homes}, tunnel ${peer.tunnel.tunnelId}`,
    `- VPS: ${d.target.label.en}, ${d.stack}, ${d.vpsIpv6}, ${topologyOf(d).innerInterface} ${vpsNet}`,
    `- IKEv${d.crypto.ikeVersion}: IKE ${d.crypto.ikeEncryption}/${d.crypto.ikeHash}/${d.crypto.dhGroup}, ESP ${d.crypto.espEncryption}/${d.crypto.espIntegrity}, PFS ${d.crypto.pfs ? 'on' : 'off'}`,
    '',
    'このフォルダには事前共有鍵が含まれます。安全な場所に保管し、共有しないでください。',
    'This folder holds the pre-shared key: keep it safe and do not share it.',
    '',
    '## ファイル / Files',
    '',
    ...fileTable(files),
    '',
    '## 適用の順序 / Order',
    '',
    '### 1. RTX',
    '',
    '1. 現在の設定を保存します: `show config` の出力を保存し、`copy config 0 1` などで控えを作ります。',
    '   Save the current configuration first: keep the output of `show config` (and e.g. `copy config 0 1`).',
    '2. `router/rtx-config.txt` の行をコンソール (telnet/SSH/シリアル) に貼り付けます。Paste the lines of `router/rtx-config.txt` into the console.',
    '3. 動作を確認してから `save` します。Check that it works, then run `save`.',
    '',
    ...(hgw
      ? ['### 2. HGW', '', '`hgw/README.md` の手順でホームゲートウェイを設定します。Set up the home gateway as `hgw/README.md` says.', '']
      : []),
    `### ${hgw ? 3 : 2}. VPS`,
    '',
    ...vpsPrerequisites(d),
    '```sh',
    '# このバンドルの vps/ フォルダを VPS にコピーして / copy this bundle’s vps/ folder to the VPS, then:',
    'cd vps',
    'sudo sh setup/apply.sh    # 変更するファイルを /root にバックアップしてから適用 / backs up to /root first',
    '```',
    '',
    ...topologyReadmeLines(d),
    '## 確認 / Checks',
    '',
    '- RTX: `show ipsec sa` で SA ができていること、`show status tunnel ' + String(peer.tunnel.tunnelId) + '` が Online であること。',
    `  \`show ipsec sa\` lists the SAs, \`show status tunnel ${peer.tunnel.tunnelId}\` says Online.`,
    `- RTX の LAN から / from the RTX LAN: \`ping ${vpsPrivate}\``,
    `- VPS: \`sudo sh setup/verify.sh\` (${d.stack === 'libreswan' ? '`ipsec status`, `ipsec trafficstatus`' : '`swanctl --list-sas`'}, \`ip -s xfrm state\` のカウンタ / counters, \`ping -I ${vpsPrivate} ${lanAddress}\`)`,
    '',
    ...dynamicHomeSection([d]),
    '## 切り戻し / Rollback',
    '',
    '- RTX: `save` 前なら `restart` で保存済みの設定に戻ります。保存後は `router/rollback.txt` の行を貼り付けて `save` します。',
    '  Before `save`, `restart` returns to the saved configuration; after it, paste `router/rollback.txt` and `save`.',
    '- VPS: `cd vps && sudo sh setup/rollback.sh` (バックアップから復元 / restores the backup).',
    '',
    ...findingLines(findings),
  ].join('\n');
}

/** What apply.sh changes beyond the bundle's own files, said before it runs (issue 9, defects 3 and 5). */
function vpsPrerequisites(d: Deployment): string[] {
  const epel = d.stack === 'strongswan' ? d.target.stacks.strongswan?.epel : undefined;
  const lines: string[] = [];
  if (epel) {
    lines.push(
      `- strongSwan は EPEL ${epel} から入ります。apply.sh が先に EPEL を有効にします (RHEL では subscription-manager で CodeReady Builder も)。/ strongSwan comes from EPEL ${epel}: apply.sh enables EPEL first (on RHEL also CodeReady Builder through subscription-manager).`,
    );
  }
  if (d.stack === 'libreswan' && d.crypto.ikeVersion === 1 && d.target.stacks.libreswan?.ikev1 === 'needs-policy') {
    lines.push(
      '- IKEv1 のため、apply.sh は /etc/ipsec.conf の config setup に ikev1-policy=accept を書きます (元のファイルはバックアップされ、rollback.sh で戻ります)。/ For IKEv1, apply.sh sets ikev1-policy=accept in /etc/ipsec.conf\'s config setup (the original is backed up; rollback.sh restores it).',
    );
  }
  return lines.length > 0 ? [...lines, ''] : [];
}
