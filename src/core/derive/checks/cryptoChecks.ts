import { gateOpen } from '../../caps/revision';
import { DH_NUMBER, type Hash } from '../../crypto/algorithms';
import { bi } from '../../text/bilingual';
import { libreswanOf, type Deployment } from '../deployment';
import { peerPath, type Check, type Report } from './check';

const HASH_LABEL: Readonly<Record<Hash, string>> = { sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

function checkCrypto(d: Deployment, report: Report) {
  const { router, target, crypto } = d;
  const routerName = `${router.model} Rev.${d.plan.router.firmware}`;
  if (crypto.ikeVersion === 2 && !gateOpen(router.ikev2SiteToSite, d.plan.router.firmware)) {
    report(
      'error',
      'crypto.ikev2.router',
      peerPath(d, 'tunnel.crypto.ikeVersion'),
      bi(`${routerName} は IKEv2 の拠点間接続に対応していません。IKEv1 を選んでください。`, `${routerName} has no IKEv2 site-to-site; choose IKEv1.`),
    );
  }
  for (const key of ['ikeHash', 'espIntegrity'] as const) {
    const hash = crypto[key];
    if ((hash === 'sha384' || hash === 'sha512') && !router.sha2Long) {
      report(
        'error',
        'crypto.hash.router',
        peerPath(d, `tunnel.crypto.${key}`),
        bi(`${routerName} は ${HASH_LABEL[hash]} を設定できません。`, `${routerName} cannot configure ${HASH_LABEL[hash]}.`),
      );
    }
  }
  const { stackCaps } = d;
  if (!stackCaps) {
    report(
      'error',
      'stack.unavailable',
      peerPath(d, 'vps.stack'),
      bi(`${target.label.ja} には ${d.stack} のパッケージがありません。`, `${target.label.en} has no ${d.stack} package.`),
    );
    return;
  }
  const stackName = `${d.stack} ${stackCaps.version} (${target.label.en})`;
  if (!stackCaps.dhGroups.includes(crypto.dhGroup)) {
    report(
      'error',
      'crypto.dh.stack',
      peerPath(d, 'tunnel.crypto.dhGroup'),
      bi(
        `${stackName} には ${crypto.dhGroup} (DH${DH_NUMBER[crypto.dhGroup]}) がありません。modp2048 を選んでください。`,
        `${stackName} has no ${crypto.dhGroup} (DH${DH_NUMBER[crypto.dhGroup]}); choose modp2048.`,
      ),
    );
  } else if (crypto.dhGroup === 'modp1024' && !target.legacyCrypto) {
    report(
      'error',
      'crypto.dh.legacy',
      peerPath(d, 'tunnel.crypto.dhGroup'),
      bi(
        'modp1024 は弱いため、それしか使えない旧環境 (CentOS 6/7, RHEL 8) でだけ選べます。modp2048 を選んでください。',
        'modp1024 is weak and only offered for the legacy targets that need it (CentOS 6/7, RHEL 8); choose modp2048.',
      ),
    );
  }
  const libreswan = libreswanOf(d);
  if (libreswan && crypto.ikeVersion === 1 && libreswan.ikev1 === 'unavailable') {
    report(
      'error',
      'crypto.ikev1.stack',
      peerPath(d, 'tunnel.crypto.ikeVersion'),
      bi(
        `${stackName} では IKEv1 を提供しません (ビルドされているか確認できないため)。IKEv2 を選ぶか、strongSwan を選んでください。`,
        `IKEv1 is not offered with ${stackName} (its build is not confirmed); choose IKEv2, or strongSwan.`,
      ),
    );
  }
  if (libreswan && !libreswan.sha1 && (crypto.ikeHash === 'sha1' || crypto.espIntegrity === 'sha1')) {
    report(
      'error',
      'crypto.sha1.policy',
      crypto.ikeHash === 'sha1' ? peerPath(d, 'tunnel.crypto.ikeHash') : peerPath(d, 'tunnel.crypto.espIntegrity'),
      bi(
        `${stackName} の既定の暗号ポリシーは SHA-1 を無効にしています。SHA-256 を選んでください。`,
        `${stackName}'s DEFAULT crypto-policy disables SHA-1; choose SHA-256.`,
      ),
    );
  }
  if (crypto.ikeEncryption === '3des' || crypto.espEncryption === '3des') {
    report(
      'warning',
      'crypto.3des',
      crypto.ikeEncryption === '3des' ? peerPath(d, 'tunnel.crypto.ikeEncryption') : peerPath(d, 'tunnel.crypto.espEncryption'),
      bi('3DES は非推奨です。AES を選んでください。', '3DES is deprecated; choose AES.'),
    );
  }
  if (crypto.ikeVersion === 2 && !gateOpen(router.proposalLimitation, d.plan.router.firmware)) {
    report(
      'warning',
      'crypto.proposalLimitation',
      peerPath(d, 'tunnel.crypto.ikeVersion'),
      bi(
        `${routerName} には proposal-limitation がないため、RTX は対応するすべてのアルゴリズムを提案します。VPS 側が選んだ組み合わせだけを受け入れるので接続はできます。`,
        `${routerName} lacks proposal-limitation, so the RTX proposes every algorithm it has; the VPS accepts only the chosen suite, so the link still forms.`,
      ),
    );
  }
}

/** The crypto suite against what the router firmware and the VPS stack version can do. */
export const cryptoCheck: Check = { name: 'crypto', run: checkCrypto };
