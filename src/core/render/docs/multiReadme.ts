import type { GeneratedFile } from '../../bundle/types';
import type { Deployment } from '../../derive/deployment';
import type { Finding } from '../../findings';
import { keyWarningAndFiles } from './readmeParts';
import { formatNetwork, numberToIpv4 } from '../../net/ipv4';
import { dynamicHomeSection } from './dynamicHome';

const folderOf = (d: Deployment) => `vps-${d.peer.name}`;


function role(d: Deployment, ds: readonly Deployment[]): string {
  if (d.failover.kind === 'backup') return `予備 (tunnel ${ds[d.failover.primary]!.peer.tunnel.tunnelId} の) / backup of tunnel ${ds[d.failover.primary]!.peer.tunnel.tunnelId}`;
  if (d.failover.kind === 'primary') return '主 / primary';
  return '—';
}

function failoverLines(ds: readonly Deployment[]): string[] {
  const primaries = ds.filter((d) => d.failover.kind === 'primary');
  if (primaries.length === 0) return [];
  return [
    '## 切り替え / Failover',
    '',
    ...primaries.flatMap((d) => {
      const backups = d.failover.kind === 'primary' ? d.failover.backups.map((i) => ds[i]!) : [];
      const seconds = d.peer.tunnel.dpd.rtxInterval * d.peer.tunnel.dpd.rtxCount;
      return [
        `- ${formatNetwork(d.vpsNetwork)}: tunnel ${d.peer.tunnel.tunnelId} (${d.peer.name}) が主、${backups.map((b) => `tunnel ${b.peer.tunnel.tunnelId} (${b.peer.name})`).join('、')} が予備です。RTX のキープアライブ (${d.peer.tunnel.dpd.rtxInterval} 秒 × ${d.peer.tunnel.dpd.rtxCount} 回、約 ${seconds} 秒) が主の VPS の無応答を検知するとトンネルが切れ、経路 (\`hide\`) が消えて予備 (\`weight 0\`) に切り替わります。主が戻ると主に戻ります。`,
        `  ${formatNetwork(d.vpsNetwork)}: tunnel ${d.peer.tunnel.tunnelId} (${d.peer.name}) is the primary, ${backups.map((b) => `tunnel ${b.peer.tunnel.tunnelId} (${b.peer.name})`).join(', ')} the backup. When the RTX keepalive (${d.peer.tunnel.dpd.rtxInterval} s × ${d.peer.tunnel.dpd.rtxCount}, about ${seconds} s) finds the primary VPS silent, its tunnel goes down, the \`hide\` gateway drops out of the route and the \`weight 0\` standby takes over; when the primary returns, traffic returns to it.`,
      ];
    }),
    '',
  ];
}

/** README.md of a bundle with several peers: one router file, one folder per VPS. */
export function renderMultiReadme(ds: readonly Deployment[], files: readonly GeneratedFile[], findings: readonly Finding[]): string {
  const { plan } = ds[0]!;
  const first = ds[0]!;
  const lanAddress = numberToIpv4(first.lans[0]!.address.address);
  const homes = first.homeNetworks.map(formatNetwork).join(', ');
  return [
    `# ${plan.router.model} ⇄ ${ds.length} VPS IPsec (IPv4 over IPv6)`,
    '',
    `- RTX: ${plan.router.model} Rev.${plan.router.firmware}, ${first.rtxFqdn ?? first.rtxIpv6}, LAN ${homes}`,
    '',
    '| tunnel | VPS | フォルダ / Folder | IPv6 | ネットワーク / Network | 役割 / Role |',
    '|---|---|---|---|---|---|',
    ...ds.map(
      (d) =>
        `| ${d.peer.tunnel.tunnelId} | ${d.peer.name} (${d.target.label.en}, ${d.stack}) | \`${folderOf(d)}/\` | ${d.vpsIpv6} | ${formatNetwork(d.vpsNetwork)} | ${role(d, ds)} |`,
    ),
    '',
    ...keyWarningAndFiles(files, 'several'),
    '1. 現在の設定を保存します (`show config` の出力を控え、`copy config 0 1` など)。Save the current configuration first (`show config`, e.g. `copy config 0 1`).',
    '2. `router/rtx-config.txt` の行をコンソールに貼り付けます。すべての VPS へのトンネルが入っています。Paste `router/rtx-config.txt` into the console: it holds the tunnels to every VPS.',
    '3. 動作を確認してから `save` します。Check that it works, then run `save`.',
    '',
    '### 2. VPS',
    '',
    '各 VPS に、それぞれのフォルダをコピーして適用します。Copy each VPS its own folder and apply it there:',
    '',
    '```sh',
    ...ds.map((d) => `cd ${folderOf(d)} && sudo sh setup/apply.sh    # ${d.peer.name} (${d.vpsIpv6})`),
    '```',
    '',
    '## 確認 / Checks',
    '',
    `- RTX: \`show ipsec sa\`, ${ds.map((d) => `\`show status tunnel ${d.peer.tunnel.tunnelId}\``).join(', ')}`,
    ...ds.map((d) => `- ${d.peer.name}: \`sudo sh setup/verify.sh\` (\`ping -I ${numberToIpv4(d.vpsAddress.address)} ${lanAddress}\`)`),
    '',
    ...failoverLines(ds),
    ...dynamicHomeSection(ds),
    '## 切り戻し / Rollback',
    '',
    '- RTX: `save` 前なら `restart`、保存後は `router/rollback.txt` を貼り付けて `save` します。Before `save`, `restart`; after it, paste `router/rollback.txt` and `save`.',
    ...ds.map((d) => `- ${d.peer.name}: \`cd ${folderOf(d)} && sudo sh setup/rollback.sh\``),
    '',
    ...(findings.length === 0
      ? []
      : ['## 注意 / Notes', '', ...findings.map((finding) => `- **${finding.level}** \`${finding.path}\`: ${finding.message.ja} / ${finding.message.en}`), '']),
  ].join('\n');
}
