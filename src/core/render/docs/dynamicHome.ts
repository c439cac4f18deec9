import type { Deployment } from '../../derive/deployment';

/**
 * The README section for a home named by DNS (issue 12): what each side does when the prefix
 * changes, and the firewall trade-off, Japanese first. Empty for a home with a fixed address.
 */
export function dynamicHomeSection(ds: readonly Deployment[]): string[] {
  const d = ds[0]!;
  const name = d.rtxFqdn;
  if (name === undefined) return [];
  const wan = d.plan.home.wanInterface;
  const libreswan = ds.some((x) => x.stack === 'libreswan');
  const updater =
    d.plan.home.dns.kind === 'netvolante'
      ? [
          `- RTX: ネットボランチ DNS が ${wan} の IPv6 アドレスの変化を登録し直します (\`netvolante-dns use ${wan} auto\`)。最初の 1 回だけ \`netvolante-dns go ${wan}\` を実行してください。`,
          `  RTX: NetVolante DNS re-registers the ${wan} IPv6 address whenever it changes (\`netvolante-dns use ${wan} auto\`); run \`netvolante-dns go ${wan}\` once to register it.`,
        ]
      : [
          `- RTX: ${name} をいつも ${wan} の IPv6 アドレスに向けておく DDNS の更新は、お使いの DDNS の方法で行ってください (このバンドルには含まれません)。`,
          `  RTX: keep ${name} pointing at the ${wan} IPv6 address with your DDNS provider's updater (not part of this bundle).`,
        ];
  return [
    '## アドレスが変わる自宅 / A home whose address changes',
    '',
    `自宅は ${name} という名前で識別されます。RTX は IKE の ID として ${name} (FQDN) を送り、VPS はその ID と事前共有鍵で RTX を認証します。VPS は自宅のアドレスを固定しないので、プレフィックスが変わっても VPS のファイルを変える必要はありません。`,
    `The home is known by the name ${name}. The RTX sends ${name} as its IKE ID (FQDN) and the VPS authenticates it by that ID and the pre-shared key. The VPS does not pin the home's address, so a prefix change needs no change on the VPS.`,
    '',
    ...updater,
    ...(libreswan
      ? [
          '- libreswan の VPS は応答だけを行い (`right=%any`, `rightid=@' + name + '`)、接続は RTX から始めます。libreswan 5.x は一度引いた名前を引き直さないためです (https://github.com/libreswan/libreswan/issues/2556, https://github.com/libreswan/libreswan/issues/2614)。アドレスが変わると、RTX のキープアライブが切断を検知し、新しいアドレスから接続し直します。',
          '  A libreswan VPS only answers (`right=%any`, `rightid=@' + name + '`) and the RTX initiates, because libreswan 5.x never looks a resolved name up again (issues #2556, #2614 above). After a change the RTX keepalive notices the dead SA and the RTX reconnects from its new address.',
        ]
      : []),
    ...(ds.some((x) => x.stack === 'strongswan')
      ? [
          `- strongSwan の VPS は \`remote_addrs = ${name}\` を接続のたびに引き直すので、どちらからでも接続を始められます。`,
          `  A strongSwan VPS resolves \`remote_addrs = ${name}\` at each initiation, so either side may initiate.`,
        ]
      : []),
    '',
    '### ファイアウォールの選択 / The firewall trade-off',
    '',
    '- **このバンドルの方法: IKE/ESP をどこからでも受け付ける。** VPS は UDP 500/4500 と ESP をすべての送信元から受け付けます。鍵と ID を知らない相手は IKE の認証で拒否されますが、IKE の処理 (DH 計算) はインターネットのだれからでも起こせます。更新の仕組みが要らず、アドレスが変わってもすぐ戻ります。',
    '  **What this bundle does: admit IKE/ESP from anywhere.** The VPS accepts UDP 500/4500 and ESP from any source. A peer without the key and ID is refused by IKE authentication, but anyone on the Internet can make the VPS do IKE work (DH computations). Nothing needs updating and the tunnel returns right after a change.',
    `- **別の方法: 送信元を ${name} の現在のアドレスに限り、定期的に更新する。** cron などで ${name} を引き直してファイアウォールの許可を書き換えます。攻撃面は小さくなりますが、更新の間隔 (と DNS の TTL) だけ復旧が遅れ、更新が止まるとトンネルも止まります。このバンドルには含めていません。`,
    `  **The alternative: admit only ${name}'s current address and refresh it.** A cron job re-resolves ${name} and rewrites the firewall rule. The attack surface is smaller, but recovery waits for the refresh interval (and the DNS TTL), and a stalled updater stops the tunnel. This bundle does not include it.`,
    '',
  ];
}
