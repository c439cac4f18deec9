import type { Deployment } from '../../derive/deployment';
import { portText, topologyOf } from '../../derive/topology';
import { formatNetwork, numberToIpv4 } from '../../net/ipv4';

/*
 * The bundle README's part for issue 11: how the single-NIC VPS holds its inner address, what the
 * port forwards are and which provider-side filter to open, what egress through the VPS does and
 * what happens while the tunnel is down. Empty when none of these is used.
 */

const NIC_TOOL: Readonly<Record<string, string>> = {
  ifcfg: '/etc/sysconfig/network-scripts (ifcfg)',
  nmcli: 'NetworkManager (nmcli, type dummy)',
  netplan: 'systemd-networkd (.netdev/.network; netplan renders to it)',
  ifupdown: '/etc/network/interfaces.d (ifupdown)',
};

function singleNicLines(d: Deployment): string[] {
  const topology = topologyOf(d);
  if (!topology.singleNic) return [];
  const inner = numberToIpv4(d.vpsAddress.address);
  return [
    '## NIC が 1 つの VPS / Single-NIC VPS',
    '',
    `- 内側のアドレス ${inner} は、起動時に作られるダミーインターフェース \`${topology.innerInterface}\` に置きます (${NIC_TOOL[d.target.nic]})。プライベートのスイッチや 2 つ目の NIC は要りません。`,
    `  The inner address ${inner} lives on the dummy interface \`${topology.innerInterface}\`, created at boot by ${NIC_TOOL[d.target.nic]}. No private switch or second NIC is needed.`,
    `- VPS 自身のサービスは ${inner} から自宅の LAN (${d.homeNetworks.map(formatNetwork).join(', ')}) にトンネル経由で届きます。`,
    `  Services on the VPS itself reach the home LAN through the tunnel from ${inner}.`,
    '',
  ];
}

function forwardLines(d: Deployment): string[] {
  const topology = topologyOf(d);
  if (topology.forwards.length === 0) return [];
  const inner = numberToIpv4(d.vpsAddress.address);
  const ports = topology.forwards.map((forward) => `${forward.protocol}/${portText(forward.publicFrom, forward.publicTo)}`).join(', ');
  return [
    '## ポート転送 (VPS が自宅のサーバーの入口) / Port forwards (the VPS as the public entry)',
    '',
    '| VPS (公開 / public) | 自宅のサーバー / Home server |',
    '|---|---|',
    ...topology.forwards.map(
      (forward) =>
        `| \`${d.peer.vps.publicInterface}\` ${forward.protocol}/${portText(forward.publicFrom, forward.publicTo)} | \`${forward.hostText}:${portText(forward.hostFrom, forward.hostTo)}\` |`,
    ),
    '',
    topology.returnPath === 'snat'
      ? `- 戻りの経路: VPS が送信元を内側アドレス ${inner} に書き換えます (SNAT)。自宅のサーバーから見ると接続元は ${inner} で、クライアントの本当のアドレスはログに残りません。`
      : '- 戻りの経路: クライアントのアドレスはそのまま自宅のサーバーに届きます。サーバーの返信は RTX のフィルタ型ルーティングでトンネルに戻します (`router/rtx-config.txt` の `ip route default … filter`)。',
    topology.returnPath === 'snat'
      ? `  Return path: the VPS rewrites the source to its inner address ${inner} (SNAT). The home server sees ${inner} as the client; the real client address is not in its logs.`
      : '  Return path: the home server sees the real client address; its replies go back into the tunnel by RTX filter-type routing (`ip route default … filter` in `router/rtx-config.txt`).',
    `- VPS のファイアウォールは、自宅へは転送するポート (${ports}) の新しい接続だけを通します。VPS 自身の SSH などはこれまでどおりです。`,
    `  The VPS firewall lets new connections toward home only through the forwarded ports (${ports}); the VPS's own SSH etc. stay as they are.`,
    '- 転送する TCP の MSS はトンネルに合わせて小さくします (VPS と RTX の両方)。TCP MSS of the forwarded flows is clamped to fit the tunnel (on the VPS and the RTX).',
    '',
    '### VPS 事業者のパケットフィルター / The provider-side packet filter',
    '',
    `VPS 事業者側にもファイアウォールがある場合は、${ports} を開けてください。It blocks before this VPS sees anything: open ${ports} there too.`,
    '',
    '- さくらの VPS: コントロールパネルの「パケットフィルター」 / Sakura VPS: "Packet filter" in the control panel',
    '- ConoHa VPS: 「セキュリティグループ」 / ConoHa VPS: "Security groups"',
    '- その他 (Xserver VPS のパケットフィルター、AWS Lightsail/EC2 のファイアウォール・セキュリティグループなど) も同様です。Other providers (Xserver VPS packet filter, AWS Lightsail/EC2 firewall or security groups, …) likewise.',
    '',
    `確認 / Check: 自宅の外から / from outside home: \`nc -vz <VPS の IPv4 / the VPS IPv4> ${topology.forwards[0]!.publicFrom}\`${topology.forwards[0]!.protocol === 'udp' ? ' (UDP: `nc -vzu`)' : ''}`,
    '',
  ];
}

function egressLines(d: Deployment): string[] {
  const topology = topologyOf(d);
  if (topology.egressSources.length === 0) return [];
  const access = d.plan.home.ipv4Access;
  const own =
    access.kind === 'ds-lite' ? 'DS-Lite' : access.kind === 'map-e' ? 'MAP-E' : d.plan.home.pppoe.enabled ? `PPPoE (pp ${d.plan.home.pppoe.pp})` : undefined;
  const sources = topology.egressSources.map(formatNetwork).join(', ');
  const down =
    topology.egressWhenDown === 'fallback' && own
      ? [
          `- トンネルが切れている間は、${sources} は自宅の ${own} からインターネットに出ます (RTX の \`hide\`)。出口の IPv4 アドレスが変わるので、その間の接続は切れます。`,
          `  While the tunnel is down, ${sources} use the home's own ${own} (\`hide\` on the RTX). The IPv4 address they are seen with changes, so open connections break.`,
        ]
      : [
          `- トンネルが切れている間は、${sources} は IPv4 のインターネットに出られません (IPv6 はそのまま使えます)。`,
          `  While the tunnel is down, ${sources} have no IPv4 Internet (IPv6 keeps working).`,
        ];
  return [
    '## VPS 経由のインターネット / Internet through the VPS',
    '',
    `- ${sources} の IPv4 のインターネット向け通信は、トンネルを通って VPS の IPv4 アドレスから出ます (VPS でマスカレード)。IPv6 はこれまでどおり自宅の回線から出ます。`,
    `  IPv4 Internet traffic from ${sources} goes through the tunnel and leaves from the VPS's IPv4 address (masqueraded on the VPS). IPv6 still leaves from the home line.`,
    '- トンネルのセレクタは VPS 側が 0.0.0.0/0 になります。The tunnel selector on the VPS side is 0.0.0.0/0.',
    '- DNS: RTX を DNS サーバーにしている端末は、RTX が自分の回線で名前解決するのでそのまま使えます。IPv4 の DNS サーバー (8.8.8.8 など) を直接使う端末は、その問い合わせも VPS 経由になります。',
    '  DNS: hosts that use the RTX as their DNS server keep resolving (the RTX resolves over its own line). Hosts that query an IPv4 resolver (8.8.8.8, …) directly send those queries through the VPS too.',
    ...down,
    '- 確認: 対象の端末から IP アドレスを表示するサイトを開き、VPS の IPv4 アドレスが表示されること。Check: from such a host, an IP-echo site shows the VPS IPv4 address.',
    '',
  ];
}

export function topologyReadmeLines(d: Deployment): string[] {
  return [...singleNicLines(d), ...forwardLines(d), ...egressLines(d)];
}
