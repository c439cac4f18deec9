import { formatNetwork, isNetworkOrBroadcast, networkContains, networksOverlap, numberToIpv4, parseIpv4Network, type Ipv4Network } from '../../net/ipv4';
import { bi } from '../../text/bilingual';
import type { Deployment } from '../deployment';
import { portText, routeFilterCount, topologyOf, type PortForward } from '../topology';
import { peerPath, type Check, type Report } from './check';

/** UDP 500/4500 carry IKE and NAT-T; TCP 4500 is IKE over TCP (RFC 8229), which both stacks can listen on. */
const IKE_PORTS: readonly { protocol: 'tcp' | 'udp'; port: number }[] = [
  { protocol: 'udp', port: 500 },
  { protocol: 'udp', port: 4500 },
  { protocol: 'tcp', port: 4500 },
];

/**
 * Checks of the single-NIC, port-forward and egress choices (issue 11): each refusal names the
 * field and what to change.
 */
export const topologyCheck: Check = {
  name: 'topology',
  run(d, report) {
    checkSingleNic(d, report);
    checkForwards(d, report);
    checkEgress(d, report);
    checkRouteFilters(d, report);
  },
};

function checkSingleNic(d: Deployment, add: Report) {
  const { vps } = d.peer;
  if (vps.inner !== 'dummy') return;
  if (vps.dummyInterface === vps.publicInterface) {
    add(
      'error',
      'vps.dummyInterface.same',
      peerPath(d, `vps.dummyInterface`),
      bi(
        `ダミーインターフェースには公開側 NIC (${vps.publicInterface}) とは別の、まだ使われていない名前を付けてください (例: rtx0)。`,
        `Give the dummy interface a new name other than the public NIC (${vps.publicInterface}), e.g. rtx0.`,
      ),
    );
  }
}

const rangeText = (protocol: string, from: number, to: number) => `${protocol}/${portText(from, to)}`;

function homeSegmentOf(d: Deployment, address: number) {
  return d.lans.find((lan) => networkContains(lan.network, address));
}

function checkForwards(d: Deployment, add: Report) {
  const topology = topologyOf(d);
  const sshPort = d.peer.vps.sshPort;
  const valid: PortForward[] = [];
  for (const forward of topology.forwards) {
    const path = peerPath(d, `portForwards.${forward.index}`);
    const raw = d.peer.portForwards[forward.index]!;
    if (forward.publicTo < forward.publicFrom) {
      add(
        'error',
        'forwards.range',
        `${path}.publicPortEnd`,
        bi(
          `範囲の終わり (${forward.publicTo}) が始まり (${forward.publicFrom}) より小さくなっています。${forward.publicFrom} 以上にするか、空にしてください。`,
          `The range ends (${forward.publicTo}) before it starts (${forward.publicFrom}); make it ${forward.publicFrom} or more, or leave it empty.`,
        ),
      );
      continue;
    }
    if (forward.publicTo > forward.publicFrom && raw.hostPort !== undefined && raw.hostPort !== raw.publicPort) {
      add(
        'error',
        'forwards.rangeHostPort',
        `${path}.hostPort`,
        bi(
          'ポート範囲の転送は自宅側でも同じ番号を使います。自宅側のポートを空にするか、公開ポートと同じにしてください。',
          'A port range keeps its numbers at home: leave the home port empty or equal to the public port.',
        ),
      );
      continue;
    }
    if (forward.hostTo > 65535) {
      add(
        'error',
        'forwards.hostPortRange',
        `${path}.hostPort`,
        bi(`自宅側のポートが 65535 を超えます。小さい番号にしてください。`, 'The home ports would go past 65535; choose a lower port.'),
      );
      continue;
    }
    const ike = IKE_PORTS.find((item) => item.protocol === forward.protocol && item.port >= forward.publicFrom && item.port <= forward.publicTo);
    if (ike) {
      add(
        'error',
        'forwards.ikePort',
        `${path}.publicPort`,
        bi(
          `${ike.protocol}/${ike.port} は VPS の IKE (IPsec の鍵交換) が使います。別の公開ポートにしてください。`,
          `${ike.protocol}/${ike.port} is used by the VPS's IKE (the IPsec key exchange); choose another public port.`,
        ),
      );
    }
    if (forward.protocol === 'tcp' && sshPort >= forward.publicFrom && sshPort <= forward.publicTo) {
      add(
        'error',
        'forwards.sshPort',
        `${path}.publicPort`,
        bi(
          `tcp/${sshPort} は VPS の SSH のポートです。転送すると VPS に SSH で入れなくなります。別の公開ポートにしてください (SSH のポートが違うなら「VPS の SSH ポート」を直してください)。`,
          `tcp/${sshPort} is the VPS's SSH port; forwarding it would lock you out of the VPS. Choose another public port (or correct "VPS SSH port" if SSH listens elsewhere).`,
        ),
      );
    }
    const segment = homeSegmentOf(d, forward.host);
    if (!segment) {
      add(
        'error',
        'forwards.hostOutside',
        `${path}.host`,
        bi(
          `${forward.hostText} は自宅の LAN セグメント (${d.lans.map((lan) => formatNetwork(lan.network)).join(', ')}) のどれにも入っていません。自宅のサーバーのアドレスを入力してください。`,
          `${forward.hostText} is in none of the home LAN segments (${d.lans.map((lan) => formatNetwork(lan.network)).join(', ')}); enter the address of the server at home.`,
        ),
      );
    } else if (forward.host === segment.address.address || isNetworkOrBroadcast({ address: forward.host, prefix: segment.network.prefix })) {
      add(
        'error',
        'forwards.hostAddress',
        `${path}.host`,
        bi(
          `${forward.hostText} は RTX 自身か、ネットワーク/ブロードキャストのアドレスです。自宅のサーバーのアドレスを入力してください。`,
          `${forward.hostText} is the RTX itself or a network/broadcast address; enter the address of the server at home.`,
        ),
      );
    }
    const clash = valid.find((other) => other.protocol === forward.protocol && other.publicFrom <= forward.publicTo && forward.publicFrom <= other.publicTo);
    if (clash) {
      add(
        'error',
        clash.publicFrom === forward.publicFrom && clash.publicTo === forward.publicTo ? 'forwards.duplicate' : 'forwards.overlap',
        `${path}.publicPort`,
        bi(
          `${rangeText(forward.protocol, forward.publicFrom, forward.publicTo)} は ${clash.index + 1} 番目の転送 (${rangeText(clash.protocol, clash.publicFrom, clash.publicTo)}) と重なっています。公開ポートを変えるか、どちらかを削除してください。`,
          `${rangeText(forward.protocol, forward.publicFrom, forward.publicTo)} overlaps forward #${clash.index + 1} (${rangeText(clash.protocol, clash.publicFrom, clash.publicTo)}); change the public port or remove one of them.`,
        ),
      );
    }
    valid.push(forward);
  }
  if (topology.forwards.length > 0) {
    add(
      'info',
      'forwards.returnPath',
      peerPath(d, `forwardReturn`),
      topology.returnPath === 'snat'
        ? bi(
            `転送された接続は VPS の内側アドレス ${numberToIpv4(d.vpsAddress.address)} から来たように見えます (自宅のサーバーのログにはクライアントの本当のアドレスが残りません)。`,
            `Forwarded connections reach the home server from the VPS's inner address ${numberToIpv4(d.vpsAddress.address)} (the server's logs do not show the real client).`,
          )
        : bi(
            '自宅のサーバーはクライアントの本当のアドレスを見ます。そのサーバーの返信は RTX のフィルタ型ルーティングでトンネルに戻し、トンネルのセレクタは VPS 側が 0.0.0.0/0 に広がります。',
            'The home server sees the real client address. Its replies are routed back into the tunnel by RTX filter-type routing, and the VPS-side selector widens to 0.0.0.0/0.',
          ),
    );
  }
}

function checkEgress(d: Deployment, add: Report) {
  const { egress } = d.peer;
  const path = peerPath(d, `egress`);
  if (egress.mode === 'selected' && egress.sources.length === 0) {
    add(
      'error',
      'egress.noSources',
      `${path}.sources`,
      bi(
        'VPS 経由にするホストかセグメントを 1 つ以上入力するか、「LAN 全体」を選んでください。',
        'Enter at least one host or segment to send through the VPS, or choose "whole LAN".',
      ),
    );
  }
  if (egress.mode === 'selected') {
    const seen: Ipv4Network[] = [];
    egress.sources.forEach((text, index) => {
      const network = parseIpv4Network(text)!;
      const sourcePath = `${path}.sources.${index}`;
      if (networksOverlap(network, d.vpsNetwork)) {
        add(
          'error',
          'egress.vpsSubnet',
          sourcePath,
          bi(
            `${text} は VPS 側のサブネット ${formatNetwork(d.vpsNetwork)} です。VPS 側はもともと VPS から出ていくので、自宅の LAN のホストかセグメントを入力してください。`,
            `${text} is the VPS's own subnet ${formatNetwork(d.vpsNetwork)}, which leaves from the VPS anyway; enter hosts or segments of the home LAN.`,
          ),
        );
        return;
      }
      if (!d.lans.some((lan) => network.prefix >= lan.network.prefix && networkContains(lan.network, network.base))) {
        add(
          'error',
          'egress.outside',
          sourcePath,
          bi(
            `${text} は自宅の LAN セグメント (${d.lans.map((lan) => formatNetwork(lan.network)).join(', ')}) の中にありません。その中のホストかセグメントを入力してください。`,
            `${text} is not inside the home LAN segments (${d.lans.map((lan) => formatNetwork(lan.network)).join(', ')}); enter a host or segment inside them.`,
          ),
        );
        return;
      }
      const clash = seen.find((other) => networksOverlap(other, network));
      if (clash) {
        add(
          'error',
          'egress.overlap',
          sourcePath,
          bi(
            `${text} は ${formatNetwork(clash)} と重なっています。どちらかを削除してください。`,
            `${text} overlaps ${formatNetwork(clash)}; remove one of them.`,
          ),
        );
        return;
      }
      seen.push(network);
    });
  }
  if (egress.mode === 'off') return;
  const access = d.plan.home.ipv4Access;
  if (egress.whenDown === 'fallback' && access.kind === 'none' && !d.plan.home.pppoe.enabled) {
    add(
      'info',
      'egress.noFallback',
      `${path}.whenDown`,
      bi(
        '自宅にはほかの IPv4 接続がないため、トンネルが切れている間は IPv4 のインターネットに出られません。',
        'The home has no other IPv4 access, so while the tunnel is down there is no IPv4 Internet.',
      ),
    );
  }
}

function checkRouteFilters(d: Deployment, add: Report) {
  const count = routeFilterCount(d);
  if (count === 0) return;
  const base = d.peer.routeFilterBase;
  const last = base + count - 1;
  const pppoe = d.plan.home.pppoe;
  if (pppoe.enabled && d.plan.home.ipv4Access.kind !== 'none' && base <= pppoe.filterBase + 3 && pppoe.filterBase <= last) {
    add(
      'error',
      'routeFilters.overlap',
      peerPath(d, `routeFilterBase`),
      bi(
        `フィルタ番号 ${base}〜${last} が PPPoE 用のフィルタ ${pppoe.filterBase}〜${pppoe.filterBase + 3} と重なります。別の番号にしてください。`,
        `Filter numbers ${base}-${last} overlap the PPPoE filters ${pppoe.filterBase}-${pppoe.filterBase + 3}; choose another number.`,
      ),
    );
  }
  if (last > 21474836) {
    add(
      'error',
      'routeFilters.range',
      peerPath(d, `routeFilterBase`),
      bi(`フィルタ番号が 21474836 を超えます。小さい番号にしてください。`, 'The filter numbers would pass 21474836; choose a lower number.'),
    );
  }
}
