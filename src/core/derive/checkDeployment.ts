import { describeGate, gateOpen, revisionSeries, type RevisionGate } from '../caps/revision';
import { DH_NUMBER, type Hash } from '../crypto/algorithms';
import type { Finding, FindingLevel } from '../findings';
import { formatNetwork, isNetworkOrBroadcast, isPrivateNetwork, networkContains, networksOverlap, numberToIpv4, parseIpv4Interface } from '../net/ipv4';
import { classifyIpv6, type Ipv6Kind } from '../net/ipv6';
import { FIELD_PATTERNS } from '../plan/fields';
import { bi, type Bilingual } from '../text/bilingual';
import { checkTopology } from './checkTopology';
import { libreswanOf, vpsFilterNumbers, type Deployment } from './deployment';

/**
 * Cross-field and capability checks: everything the schema alone cannot know. Errors name the
 * reason so that an impossible combination yields an explanation instead of a file that will not load.
 */
export function checkDeployment(d: Deployment): Finding[] {
  const findings: Finding[] = [];
  const add = (level: FindingLevel, code: string, path: string, message: Bilingual) => findings.push({ level, code, path, message });
  checkRouter(d, add);
  checkAddresses(d, add);
  checkNumbers(d, add);
  checkCrypto(d, add);
  checkTunnelTimers(d, add);
  checkPsk(d, add);
  checkHgw(d, add);
  findings.push(...checkTopology(d, d.paths.peer));
  return findings;
}

type Add = (level: FindingLevel, code: string, path: string, message: Bilingual) => void;

function checkRouter(d: Deployment, add: Add) {
  const { plan, router } = d;
  if (!router.firmwareSeries.includes(revisionSeries(plan.router.firmware))) {
    add(
      'error',
      'router.firmware.series',
      'router.firmware',
      bi(
        `${router.model} のファームウェアは Rev.${router.firmwareSeries.join('/')}.xx です。`,
        `${router.model} runs firmware Rev.${router.firmwareSeries.join('/')}.xx.`,
      ),
    );
  }
  if (!router.wanInterfaces.includes(plan.home.wanInterface)) {
    add(
      'error',
      'router.wanInterface',
      'home.wanInterface',
      bi(
        `${router.model} の WAN 側インターフェースは ${router.wanInterfaces.join(', ')} です。`,
        `The WAN interface of ${router.model} is one of ${router.wanInterfaces.join(', ')}.`,
      ),
    );
  }
  const seen = new Set<string>();
  plan.home.lans.forEach((lan, index) => {
    if (!router.lanInterfaces.includes(lan.interface) && !router.wanInterfaces.includes(lan.interface)) {
      add(
        'error',
        'router.lanInterface',
        `home.lans.${index}.interface`,
        bi(`${router.model} に ${lan.interface} はありません。`, `${router.model} has no interface ${lan.interface}.`),
      );
    }
    if (seen.has(lan.interface)) {
      add('error', 'lans.duplicateInterface', `home.lans.${index}.interface`, bi('同じインターフェースが 2 回あります。', 'The same interface appears twice.'));
    }
    seen.add(lan.interface);
  });
  const access = plan.home.ipv4Access;
  if (access.kind === 'map-e') requireGate(add, d, router.mapE, 'home.ipv4Access.kind', 'MAP-E (tunnel encapsulation map-e)');
}

function requireGate(add: Add, d: Deployment, gate: boolean | RevisionGate, path: string, feature: string) {
  if (gateOpen(gate, d.plan.router.firmware)) return;
  const when = typeof gate === 'boolean' ? '' : describeGate(gate);
  add(
    'error',
    'router.feature',
    path,
    when
      ? bi(`${d.router.model} の ${feature} は ${when} が必要です。`, `${feature} on ${d.router.model} needs ${when}.`)
      : bi(`${d.router.model} は ${feature} に対応していません。`, `${d.router.model} does not support ${feature}.`),
  );
}

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

function checkIpv6Endpoint(add: Add, path: string, text: string, who: Bilingual) {
  const kind = classifyIpv6(text);
  if (kind === 'global') return;
  const kindText = IPV6_KIND_TEXT[kind];
  if (kind === 'documentation') {
    add(
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
  add(
    'error',
    'ipv6.notGlobal',
    path,
    bi(
      `${who.ja} の IPv6 アドレスは${kindText.ja}です。IPsec の両端にはグローバルユニキャストアドレスが必要です。`,
      `The ${who.en} IPv6 address is ${kindText.en}; both IPsec endpoints need a global unicast address.`,
    ),
  );
}

function checkAddresses(d: Deployment, add: Add) {
  const { plan, peer } = d;
  checkIpv6Endpoint(add, 'home.wanIpv6', plan.home.wanIpv6, bi('RTX', 'RTX'));
  checkIpv6Endpoint(add, `${d.paths.peer}.vps.ipv6`, peer.vps.ipv6, bi('VPS', 'VPS'));
  if (peer.vps.inner === 'private-nic' && peer.vps.publicInterface === peer.vps.privateInterface) {
    add(
      'error',
      'vps.sameInterface',
      `${d.paths.peer}.vps.privateInterface`,
      bi('プライベート NIC は公開側 NIC と別のものにしてください。', 'The private NIC must be another interface than the public one.'),
    );
  }
  if (d.rtxIpv6 === d.vpsIpv6) {
    add('error', 'ipv6.same', `${d.paths.peer}.vps.ipv6`, bi('RTX と VPS の IPv6 アドレスが同じです。', 'The RTX and the VPS have the same IPv6 address.'));
  }
  const segments = [
    ...d.lans.map((lan, index) => ({ path: `home.lans.${index}.address`, address: lan.address, network: lan.network })),
    { path: `${d.paths.peer}.vps.privateAddress`, address: d.vpsAddress, network: d.vpsNetwork },
  ];
  segments.forEach((segment, index) => {
    if (!isPrivateNetwork(segment.network)) {
      add(
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
      add('error', 'ipv4.prefix', segment.path, bi('プレフィックス長は /30 以下にしてください。', 'Use a prefix of /30 or shorter.'));
    } else if (isNetworkOrBroadcast(segment.address)) {
      add(
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
        add(
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
    add(
      'error',
      'lans.ikev1Aggregate',
      'home.lans',
      bi(
        `LAN セグメント ${d.homeNetworks.map(formatNetwork).join(', ')} は 1 つのネットワークにまとめられません。RTX の IKEv1 はトンネル 1 本につきフェーズ 2 ID を 1 組しか持てないため、IKEv2 を選ぶか、まとめられるセグメント (偶数の第 3 オクテットとその次など) にしてください。`,
        `LAN segments ${d.homeNetworks.map(formatNetwork).join(', ')} do not aggregate into one network. RTX IKEv1 carries one phase-2 ID pair per tunnel: choose IKEv2, or segments that aggregate (an even third octet and the next one, for instance).`,
      ),
    );
  } else if (d.homeNetworks.length > 1) {
    add(
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

function checkNumbers(d: Deployment, add: Add) {
  const { plan, peer, router } = d;
  const tunnel = peer.tunnel;
  for (const [key, value] of [
    ['tunnelId', tunnel.tunnelId],
    ['gatewayId', tunnel.gatewayId],
  ] as const) {
    if (value > router.maxTunnels) {
      add(
        'error',
        'router.tunnelRange',
        `${d.paths.peer}.tunnel.${key}`,
        bi(`${router.model} で使える番号は 1〜${router.maxTunnels} です。`, `${router.model} accepts 1 to ${router.maxTunnels} here.`),
      );
    }
  }
  const access = plan.home.ipv4Access;
  if (access.kind !== 'none' && access.tunnelId === tunnel.tunnelId) {
    add(
      'error',
      'tunnel.conflict',
      `${d.paths.peer}.tunnel.tunnelId`,
      bi(
        `tunnel ${tunnel.tunnelId} は IPv4 接続 (${access.kind}) で使用中です。別の番号にしてください。`,
        `tunnel ${tunnel.tunnelId} is already used by the IPv4 access (${access.kind}); choose another number.`,
      ),
    );
  }
  if (plan.home.pppoe.enabled) {
    if (plan.home.pppoe.pp > router.maxPp) {
      add(
        'error',
        'router.ppRange',
        'home.pppoe.pp',
        bi(`${router.model} の PP 番号は 1〜${router.maxPp} です。`, `${router.model} PP numbers are 1 to ${router.maxPp}.`),
      );
    }
    if (access.kind === 'none') {
      add(
        'info',
        'pppoe.noFilterRoute',
        'home.pppoe.enabled',
        bi(
          'IPv4 が PPPoE だけなので、フィルタ型ルーティングは不要です (既定経路が pp のままです)。',
          'IPv4 runs over PPPoE only, so no filter-type route is needed (the default route stays on the pp).',
        ),
      );
    }
  }
  const ours = vpsFilterNumbers(plan);
  const existing = plan.home.filters.inbound;
  if (existing.length === 0) {
    add(
      'warning',
      'filters.noSecureFilter',
      'home.filters.inbound',
      bi(
        `${plan.home.wanInterface} に IPv6 の secure filter in がないため、VPS 用のフィルタは追加しません (すべて通過します)。WAN 側は無防備です。Web GUI のかんたん設定が入れる標準のフィルタ (101000 101001 101002 など) を設定することを勧めます。`,
        `${plan.home.wanInterface} has no IPv6 secure filter in, so no VPS filter is added (everything passes already). The WAN is unprotected: the standard filters the Web GUI sets (101000 101001 101002…) are recommended.`,
      ),
    );
  }
  if (ours.some((number) => existing.includes(number))) {
    add(
      'warning',
      'filters.reused',
      'home.filters.vpsFilterBase',
      bi(
        `フィルタ番号 ${ours.join(', ')} は既存のリストにあります。その番号の既存の定義は置き換えられます。`,
        `Filter numbers ${ours.join(', ')} are already in the list; their existing definitions will be replaced.`,
      ),
    );
  }
  if (new Set([...existing, ...ours]).size > 129) {
    add('error', 'filters.tooMany', 'home.filters.inbound', bi('フィルタリストが 129 個を超えます。', 'The filter list would exceed 129 entries.'));
  }
}

const HASH_LABEL: Readonly<Record<Hash, string>> = { sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

function checkCrypto(d: Deployment, add: Add) {
  const { router, target, crypto } = d;
  const routerName = `${router.model} Rev.${d.plan.router.firmware}`;
  if (crypto.ikeVersion === 2 && !gateOpen(router.ikev2SiteToSite, d.plan.router.firmware)) {
    add(
      'error',
      'crypto.ikev2.router',
      `${d.paths.crypto}.ikeVersion`,
      bi(`${routerName} は IKEv2 の拠点間接続に対応していません。IKEv1 を選んでください。`, `${routerName} has no IKEv2 site-to-site; choose IKEv1.`),
    );
  }
  for (const key of ['ikeHash', 'espIntegrity'] as const) {
    const hash = crypto[key];
    if ((hash === 'sha384' || hash === 'sha512') && !router.sha2Long) {
      add(
        'error',
        'crypto.hash.router',
        `${d.paths.crypto}.${key}`,
        bi(`${routerName} は ${HASH_LABEL[hash]} を設定できません。`, `${routerName} cannot configure ${HASH_LABEL[hash]}.`),
      );
    }
  }
  const stackCaps = d.stack === 'libreswan' ? target.stacks.libreswan : target.stacks.strongswan;
  if (!stackCaps) {
    add(
      'error',
      'stack.unavailable',
      `${d.paths.peer}.vps.stack`,
      bi(`${target.label.ja} には ${d.stack} のパッケージがありません。`, `${target.label.en} has no ${d.stack} package.`),
    );
    return;
  }
  const stackName = `${d.stack} ${stackCaps.version} (${target.label.en})`;
  if (!stackCaps.dhGroups.includes(crypto.dhGroup)) {
    add(
      'error',
      'crypto.dh.stack',
      `${d.paths.crypto}.dhGroup`,
      bi(
        `${stackName} には ${crypto.dhGroup} (DH${DH_NUMBER[crypto.dhGroup]}) がありません。modp2048 を選んでください。`,
        `${stackName} has no ${crypto.dhGroup} (DH${DH_NUMBER[crypto.dhGroup]}); choose modp2048.`,
      ),
    );
  } else if (crypto.dhGroup === 'modp1024' && !target.legacyCrypto) {
    add(
      'error',
      'crypto.dh.legacy',
      `${d.paths.crypto}.dhGroup`,
      bi(
        'modp1024 は弱いため、それしか使えない旧環境 (CentOS 6/7, RHEL 8) でだけ選べます。modp2048 を選んでください。',
        'modp1024 is weak and only offered for the legacy targets that need it (CentOS 6/7, RHEL 8); choose modp2048.',
      ),
    );
  }
  const libreswan = libreswanOf(d);
  if (libreswan && crypto.ikeVersion === 1 && libreswan.ikev1 === 'unavailable') {
    add(
      'error',
      'crypto.ikev1.stack',
      `${d.paths.crypto}.ikeVersion`,
      bi(
        `${stackName} では IKEv1 を提供しません (ビルドされているか確認できないため)。IKEv2 を選ぶか、strongSwan を選んでください。`,
        `IKEv1 is not offered with ${stackName} (its build is not confirmed); choose IKEv2, or strongSwan.`,
      ),
    );
  }
  if (libreswan && !libreswan.sha1 && (crypto.ikeHash === 'sha1' || crypto.espIntegrity === 'sha1')) {
    add(
      'error',
      'crypto.sha1.policy',
      crypto.ikeHash === 'sha1' ? `${d.paths.crypto}.ikeHash` : `${d.paths.crypto}.espIntegrity`,
      bi(
        `${stackName} の既定の暗号ポリシーは SHA-1 を無効にしています。SHA-256 を選んでください。`,
        `${stackName}'s DEFAULT crypto-policy disables SHA-1; choose SHA-256.`,
      ),
    );
  }
  if (crypto.ikeEncryption === '3des' || crypto.espEncryption === '3des') {
    add(
      'warning',
      'crypto.3des',
      crypto.ikeEncryption === '3des' ? `${d.paths.crypto}.ikeEncryption` : `${d.paths.crypto}.espEncryption`,
      bi('3DES は非推奨です。AES を選んでください。', '3DES is deprecated; choose AES.'),
    );
  }
  if (crypto.ikeVersion === 2 && !gateOpen(router.proposalLimitation, d.plan.router.firmware)) {
    add(
      'warning',
      'crypto.proposalLimitation',
      `${d.paths.crypto}.ikeVersion`,
      bi(
        `${routerName} には proposal-limitation がないため、RTX は対応するすべてのアルゴリズムを提案します。VPS 側が選んだ組み合わせだけを受け入れるので接続はできます。`,
        `${routerName} lacks proposal-limitation, so the RTX proposes every algorithm it has; the VPS accepts only the chosen suite, so the link still forms.`,
      ),
    );
  }
}

function checkTunnelTimers(d: Deployment, add: Add) {
  const tunnel = d.peer.tunnel;
  if (tunnel.ikeLifetime < tunnel.childLifetime) {
    add(
      'warning',
      'lifetime.order',
      `${d.paths.peer}.tunnel.ikeLifetime`,
      bi(
        'IKE SA の寿命が IPsec SA より短いと、RTX は IKE SA の寿命を IPsec SA に合わせて延ばします。IKE SA を長くしてください。',
        'With an IKE SA lifetime shorter than the IPsec SA’s, the RTX stretches it to the IPsec SA’s; make the IKE SA lifetime the longer one.',
      ),
    );
  }
  if (d.crypto.ikeVersion === 1 && tunnel.dpd.timeout <= tunnel.dpd.delay) {
    add(
      'error',
      'dpd.timeout',
      `${d.paths.peer}.tunnel.dpd.timeout`,
      bi('DPD のタイムアウトは間隔より長くしてください。', 'The DPD timeout must be longer than the DPD delay.'),
    );
  }
}

function checkPsk(d: Deployment, add: Add) {
  const psk = d.peer.tunnel.psk;
  const path = `${d.paths.peer}.tunnel.psk`;
  if (psk.length === 0) {
    add('error', 'psk.missing', path, bi('事前共有鍵を生成するか入力してください。', 'Generate or enter a pre-shared key.'));
    return;
  }
  if (psk.length > 128) {
    add('error', 'psk.length', path, bi('事前共有鍵は 128 文字までです (RTX の上限)。', 'The pre-shared key is at most 128 characters (the RTX limit).'));
    return;
  }
  const forbidden = [...psk].find((char) => !FIELD_PATTERNS.psk.test(`${char}${'a'.repeat(7)}`));
  if (forbidden !== undefined) {
    const shown = /^[\x21-\x7e]$/.test(forbidden) ? `「${forbidden}」` : `U+${forbidden.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    add(
      'error',
      'psk.character',
      path,
      bi(
        `事前共有鍵に使えない文字 ${shown} があります。空白と " ' # ? | > \\ 以外の半角英数字・記号を使ってください。`,
        `The pre-shared key contains ${shown}, which is not allowed: use printable ASCII except space and " ' # ? | > \\.`,
      ),
    );
    return;
  }
  if (psk.length < 8) {
    add('error', 'psk.length', path, bi('事前共有鍵は 8 文字以上にしてください。', 'The pre-shared key needs at least 8 characters.'));
  } else if (psk.length < 20) {
    add(
      'warning',
      'psk.weak',
      path,
      bi('事前共有鍵が短すぎます。20 文字以上を推奨します。', 'The pre-shared key is short; 20 characters or more are recommended.'),
    );
  }
}

function checkHgw(d: Deployment, add: Add) {
  const { plan } = d;
  if (!plan.hgw.enabled) return;
  const segment = d.lans.find((lan) => lan.interface === plan.home.wanInterface);
  if (!segment) {
    add(
      'error',
      'hgw.segment',
      'hgw.enabled',
      bi(
        `HGW は RTX の ${plan.home.wanInterface} 側のセグメントにあります。${plan.home.wanInterface} の IPv4 アドレスを LAN セグメントに加えてください。`,
        `The HGW sits on the RTX's ${plan.home.wanInterface} segment; add an IPv4 address for ${plan.home.wanInterface} to the LAN segments.`,
      ),
    );
    return;
  }
  const hgw = parseIpv4Interface(`${plan.hgw.address}/32`)!.address;
  if (!networkContains(segment.network, hgw) || hgw === segment.address.address || isNetworkOrBroadcast({ address: hgw, prefix: segment.network.prefix })) {
    add(
      'error',
      'hgw.address',
      'hgw.address',
      bi(
        `HGW のアドレスは ${formatNetwork(segment.network)} の中で、RTX (${numberToIpv4(segment.address.address)}) とは別のホストアドレスにしてください。`,
        `The HGW address must be a host in ${formatNetwork(segment.network)} other than the RTX (${numberToIpv4(segment.address.address)}).`,
      ),
    );
  }
}
