import { formatNetwork, isNetworkOrBroadcast, isPrivateNetwork, networksOverlap, numberToIpv4 } from '../../net/ipv4';
import { classifyIpv6, type Ipv6Kind } from '../../net/ipv6';
import { bi, type Bilingual } from '../../text/bilingual';
import type { Deployment } from '../deployment';
import { peerPath, type Check, type Report } from './check';

const IPV6_KIND_TEXT: Readonly<Record<Ipv6Kind, Bilingual>> = {
  global: bi('グローバルユニキャスト', 'global unicast'),
  documentation: bi('文書用 (2001:db8::/32)', 'documentation (2001:db8::/32)'),
  'unique-local': bi('ユニークローカル (ULA, fc00::/7)', 'unique local (ULA, fc00::/7)'),
  'link-local': bi('リンクローカル (fe80::/10)', 'link-local (fe80::/10)'),
  loopback: bi('ループバック', 'loopback'),
  multicast: bi('マルチキャスト', 'multicast'),
  unspecified: bi('未指定アドレス (::)', 'unspecified (::)'),
  other: bi('特殊用途', 'special-purpose'),
};

function checkIpv6Endpoint(report: Report, path: string, text: string, who: Bilingual) {
  const kind = classifyIpv6(text);
  if (kind === 'global') return;
  const kindText = IPV6_KIND_TEXT[kind];
  if (kind === 'documentation') {
    report(
      'warning',
      'ipv6.documentation',
      path,
      bi(
        `${who.ja} の IPv6 アドレスが文書用の例です。実際のアドレスに置き換えてください。`,
        `The ${who.en} IPv6 address is a documentation example; replace it with the real one.`,
      ),
    );
    return;
  }
  report(
    'error',
    'ipv6.notGlobal',
    path,
    bi(
      `${who.ja} の IPv6 アドレスは${kindText.ja}です。IPsec の両端にはグローバルユニキャストアドレスが必要です。`,
      `The ${who.en} IPv6 address is ${kindText.en}; both IPsec endpoints need a global unicast address.`,
    ),
  );
}

function checkAddresses(d: Deployment, report: Report) {
  const { plan, peer } = d;
  checkIpv6Endpoint(report, 'home.wanIpv6', plan.home.wanIpv6, bi('RTX', 'RTX'));
  checkIpv6Endpoint(report, peerPath(d, 'vps.ipv6'), peer.vps.ipv6, bi('VPS', 'VPS'));
  if (peer.vps.inner === 'private-nic' && peer.vps.publicInterface === peer.vps.privateInterface) {
    report(
      'error',
      'vps.sameInterface',
      peerPath(d, 'vps.privateInterface'),
      bi('プライベート NIC は公開側 NIC と別のものにしてください。', 'The private NIC must be another interface than the public one.'),
    );
  }
  if (d.rtxIpv6 === d.vpsIpv6) {
    report('error', 'ipv6.same', peerPath(d, 'vps.ipv6'), bi('RTX と VPS の IPv6 アドレスが同じです。', 'The RTX and the VPS have the same IPv6 address.'));
  }
  const segments = [
    ...d.lans.map((lan, index) => ({ path: `home.lans.${index}.address`, address: lan.address, network: lan.network })),
    { path: peerPath(d, 'vps.privateAddress'), address: d.vpsAddress, network: d.vpsNetwork },
  ];
  segments.forEach((segment, index) => {
    if (!isPrivateNetwork(segment.network)) {
      report(
        'error',
        'ipv4.notPrivate',
        segment.path,
        bi(
          `${formatNetwork(segment.network)} はプライベートアドレス (10/8, 172.16/12, 192.168/16) ではありません。`,
          `${formatNetwork(segment.network)} is not a private (RFC 1918) network.`,
        ),
      );
    }
    if (segment.address.prefix > 30) {
      report('error', 'ipv4.prefix', segment.path, bi('プレフィックス長は /30 以下にしてください。', 'Use a prefix of /30 or shorter.'));
    } else if (isNetworkOrBroadcast(segment.address)) {
      report(
        'error',
        'ipv4.hostAddress',
        segment.path,
        bi(
          `${numberToIpv4(segment.address.address)} はネットワーク/ブロードキャストアドレスです。機器自身のアドレスを入力してください。`,
          `${numberToIpv4(segment.address.address)} is a network or broadcast address; enter the device's own address.`,
        ),
      );
    }
    for (const other of segments.slice(0, index)) {
      if (networksOverlap(segment.network, other.network)) {
        report(
          'error',
          'ipv4.overlap',
          segment.path,
          bi(
            `${formatNetwork(segment.network)} が ${formatNetwork(other.network)} と重なっています。トンネルの両側のサブネットは重ならないようにしてください。`,
            `${formatNetwork(segment.network)} overlaps ${formatNetwork(other.network)}; the subnets on the two sides must not overlap.`,
          ),
        );
      }
    }
  });
  if (d.homeNetworks.length > 1 && d.crypto.ikeVersion === 1) {
    report(
      'error',
      'lans.ikev1Aggregate',
      'home.lans',
      bi(
        `LAN セグメント ${d.homeNetworks.map(formatNetwork).join(', ')} は 1 つのネットワークにまとめられません。RTX の IKEv1 はトンネル 1 本につきフェーズ 2 ID を 1 組しか持てないため、IKEv2 を選ぶか、まとめられるセグメント (偶数の第 3 オクテットとその次など) にしてください。`,
        `LAN segments ${d.homeNetworks.map(formatNetwork).join(', ')} do not aggregate into one network. RTX IKEv1 carries one phase-2 ID pair per tunnel: choose IKEv2, or segments that aggregate (an even third octet and the next one, for instance).`,
      ),
    );
  } else if (d.homeNetworks.length > 1) {
    report(
      'info',
      'lans.perSegment',
      'home.lans',
      bi(
        `LAN セグメントがまとめられないため、VPS 側はセグメントごとに経路とセレクタを持ちます: ${d.homeNetworks.map(formatNetwork).join(', ')}。`,
        `The LAN segments do not aggregate, so the VPS gets one route and selector per segment: ${d.homeNetworks.map(formatNetwork).join(', ')}.`,
      ),
    );
  }
}

/** Outer IPv6 endpoints and inner IPv4 segments: global, private, distinct, non-overlapping. */
export const addressCheck: Check = { name: 'addresses', run: checkAddresses };
