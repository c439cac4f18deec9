import type { Deployment } from '../../derive/deployment';
import { formatNetwork, numberToIpv4 } from '../../net/ipv4';

/** The seed's home gateway steps (PR-500KI): a new address, DHCP off, static routes, IPv6 pass. */
export function renderHgwInstructions(d: Deployment): string {
  const { hgw, home } = d.plan;
  const segment = d.lans.find((lan) => lan.interface === home.wanInterface)!;
  const rtxOnSegment = numberToIpv4(segment.address.address);
  const routed = [...d.lans.filter((lan) => lan !== segment).map((lan) => lan.network), d.vpsNetwork].map(formatNetwork);
  const routeRows = routed.map((network) => `| ${network} | ${rtxOnSegment} |`);
  return [
    `# ${hgw.model}: ホームゲートウェイの設定 / Home gateway settings`,
    '',
    `RTX の ${home.wanInterface} (${rtxOnSegment}) と同じセグメントにあるホームゲートウェイ (${hgw.model}) の管理画面で行います。`,
    `Done in the web console of the home gateway (${hgw.model}) on the RTX's ${home.wanInterface} segment (${rtxOnSegment}).`,
    '',
    '## 1. LAN 側アドレス / LAN address',
    '',
    `- ${hgw.address}/${segment.network.prefix} に変更します。/ Change it to ${hgw.address}/${segment.network.prefix}.`,
    '',
    ...(hgw.disableDhcp
      ? [
          '## 2. DHCP サーバ / DHCP server',
          '',
          '- 停止します (アドレスは RTX が配ります)。/ Turn it off (the RTX hands out addresses).',
          '',
        ]
      : []),
    '## 3. 静的ルーティング / Static routes',
    '',
    '| 宛先 / Destination | ゲートウェイ / Gateway |',
    '|---|---|',
    ...routeRows,
    '',
    '## 4. IPv6 パケットフィルタ / IPv6 packet filter',
    '',
    `- VPS (${d.vpsIpv6}) から RTX (${d.rtxIpv6}) への IKE (UDP 500) と ESP (プロトコル 50) を許可します。`,
    `- Allow IKE (UDP 500) and ESP (protocol 50) from the VPS (${d.vpsIpv6}) to the RTX (${d.rtxIpv6}).`,
    '',
  ].join('\n');
}
