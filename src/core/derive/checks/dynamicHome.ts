import { gateOpen, describeGate } from '../../caps/revision';
import type { Finding } from '../../findings';
import { fqdnProblem, netvolanteHost, type FqdnProblem } from '../../net/fqdn';
import { fieldPath } from '../../plan/paths';
import { bi, type Bilingual } from '../../text/bilingual';
import type { Deployment } from '../deployment';

/*
 * A home named by DNS (issue 12): the name must be a real FQDN (NetVolante's own shape for
 * NetVolante), the router must register IPv6 addresses with NetVolante, and each VPS stack must be
 * able to find the home by that name. libreswan 5.x resolves `right=<name>` once and never again
 * (libreswan/libreswan#2556 "dns hostnames never looked up again during revive", #2614 "DDNS won't
 * re-resolve when the connection has an address"), so a libreswan VPS only answers (right=%any,
 * rightid=@name) and the RTX initiates; strongSwan resolves `remote_addrs` at each initiation.
 */

const FQDN_TEXT: Readonly<Record<FqdnProblem, Bilingual>> = {
  empty: bi('ホスト名 (FQDN) を入力してください。', 'Enter the host name (FQDN).'),
  length: bi('ホスト名は 253 文字までです。', 'A host name is at most 253 characters.'),
  label: bi(
    'ドットで区切った各部分は、英数字で始まり英数字で終わる 63 文字以内の英数字とハイフンです (例: home.example.jp)。',
    'Each dot-separated part is 1–63 letters, digits or hyphens, starting and ending with a letter or digit (e.g. home.example.jp).',
  ),
  'single-label': bi('ドメインまで含めた完全な名前を入力してください (例: home.example.jp)。', 'Enter the full name with its domain (e.g. home.example.jp).'),
  'numeric-tld': bi(
    '最後の部分が数字だけです。IP アドレスではなくホスト名を入力してください。',
    'The last part is all digits: enter a host name, not an IP address.',
  ),
};

/** Checks of the home's name that do not depend on a peer. */
export function checkHomeName(d: Deployment): Finding[] {
  const { dns, wanInterface } = d.plan.home;
  if (dns.kind === 'none') return [];
  const path = 'home.dns.fqdn';
  const problem = fqdnProblem(dns.fqdn);
  if (problem) return [{ level: 'error', code: 'fqdn.invalid', path, message: FQDN_TEXT[problem] }];
  const findings: Finding[] = [];
  if (dns.kind === 'netvolante') {
    if (netvolanteHost(dns.fqdn) === undefined) {
      findings.push({
        level: 'error',
        code: 'fqdn.netvolante',
        path,
        message: bi(
          'ネットボランチ DNS の名前は「ホスト名.サブドメイン.netvolante.jp」の形です (例: myhome.aa0.netvolante.jp)。`show status netvolante-dns` で確認できます。',
          'A NetVolante DNS name looks like <host>.<subdomain>.netvolante.jp (e.g. myhome.aa0.netvolante.jp); `show status netvolante-dns` shows it.',
        ),
      });
    }
    const gate = d.router.netvolanteIpv6;
    if (!gateOpen(gate, d.plan.router.firmware)) {
      const when = typeof gate === 'boolean' ? '' : describeGate(gate);
      findings.push({
        level: 'error',
        code: 'router.netvolanteIpv6',
        path: 'home.dns.kind',
        message: when
          ? bi(
              `${d.router.model} でネットボランチ DNS に IPv6 アドレスを登録するには ${when} が必要です。ファームウェアを更新するか、DDNS を選んでください。`,
              `Registering an IPv6 address with NetVolante DNS on ${d.router.model} needs ${when}; update the firmware or choose DDNS.`,
            )
          : bi(
              `${d.router.model} のネットボランチ DNS による IPv6 アドレス登録は確認できていません (コマンドリファレンス第 34 章の対象外)。DDNS を選ぶか、固定アドレスにしてください。`,
              `IPv6 registration with NetVolante DNS is not confirmed for ${d.router.model} (not among the models of the command reference, ch. 34); choose DDNS or a fixed address.`,
            ),
      });
    }
  }
  findings.push({
    level: 'info',
    code: 'fqdn.firewallAny',
    path: 'home.dns.kind',
    message: bi(
      `VPS は ${d.rtxFqdn} のアドレスを固定しないため、VPS のファイアウォールは IKE (UDP 500/4500) と ESP をどのアドレスからも受け付けます。認証は事前共有鍵と ID (${d.rtxFqdn}) で行われます。詳しくは README の「アドレスが変わる自宅」を見てください。${wanInterface} のアドレスが変わっても VPS のファイルは変更不要です。`,
      `The VPS does not pin ${d.rtxFqdn}'s address, so its firewall admits IKE (UDP 500/4500) and ESP from any address; the pre-shared key and the ID (${d.rtxFqdn}) authenticate. See "A home whose address changes" in the README. When the ${wanInterface} address changes, no VPS file needs to change.`,
    ),
  });
  return findings;
}

/** Checks of one tunnel to a home named by DNS. */
export function checkDynamicTunnel(d: Deployment): Finding[] {
  if (d.rtxFqdn === undefined) return [];
  const findings: Finding[] = [];
  if (d.crypto.ikeVersion === 1) {
    findings.push({
      level: 'error',
      code: 'fqdn.ikev1',
      path: fieldPath(d.paths.crypto, 'ikeVersion'),
      message: bi(
        'IKEv1 の RTX は名前 (FQDN) で名乗るとアグレッシブモードになります (コマンドリファレンス §15.17)。アドレスが変わる自宅には IKEv2 を選んでください。',
        'An IKEv1 RTX that names itself by FQDN switches to aggressive mode (command reference §15.17); choose IKEv2 for a home whose address changes.',
      ),
    });
  }
  if (d.stack === 'libreswan' && d.peer.tunnel.initiator === 'vps') {
    findings.push({
      level: 'error',
      code: 'fqdn.libreswanInitiator',
      path: fieldPath(d.paths.tunnel, 'initiator'),
      message: bi(
        'libreswan は一度引いた名前を引き直さないため (libreswan issue #2556, #2614)、アドレスが変わる自宅へは VPS から接続を始められません。開始側を「RTX」か「両方」にしてください。',
        'libreswan never looks a resolved name up again (libreswan issues #2556, #2614), so the VPS cannot initiate to a home whose address changes; set the initiator to RTX or both.',
      ),
    });
  } else if (d.stack === 'libreswan' && d.peer.tunnel.initiator === 'both') {
    findings.push({
      level: 'info',
      code: 'fqdn.rtxInitiates',
      path: fieldPath(d.paths.tunnel, 'initiator'),
      message: bi(
        'libreswan は一度引いた名前を引き直さないため、VPS は応答だけを行い (right=%any)、接続は RTX から始めます。',
        'libreswan never looks a resolved name up again, so the VPS only answers (right=%any) and the RTX initiates.',
      ),
    });
  }
  return findings;
}
