import { bi, type Bilingual } from '../text/bilingual';
import type { CryptoSuite } from './algorithms';

export const PROFILE_IDS = ['seed-compatible', 'ikev1-modern', 'ikev2-recommended'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

export interface CryptoProfile {
  readonly id: ProfileId;
  readonly label: Bilingual;
  readonly summary: Bilingual;
  readonly suite: CryptoSuite;
}

/** Presets that fill the plan's crypto fields; the plan always stores the explicit algorithms. */
/** The strongest algorithms every IKEv2/IKEv1 RTX can configure (AES256/SHA256/MODP2048 with PFS). */
const STRONGEST_RTX_SUITE: Omit<CryptoSuite, 'ikeVersion'> = {
  ikeEncryption: 'aes256',
  ikeHash: 'sha256',
  dhGroup: 'modp2048',
  espEncryption: 'aes256',
  espIntegrity: 'sha256',
  pfs: true,
};

export const PROFILES: Readonly<Record<ProfileId, CryptoProfile>> = {
  'seed-compatible': {
    id: 'seed-compatible',
    label: bi('元記事互換 (IKEv1, AES128/SHA1/MODP1024)', 'Seed-compatible (IKEv1, AES128/SHA1/MODP1024)'),
    summary: bi(
      'CentOS 6/7・RHEL 8 系の libreswan だけが持つ旧式の組み合わせです。新規構築には使わないでください。',
      'The legacy suite only CentOS 6/7 and RHEL 8 libreswan still have. Do not use it for new links.',
    ),
    suite: {
      ikeVersion: 1,
      ikeEncryption: 'aes128',
      ikeHash: 'sha1',
      dhGroup: 'modp1024',
      espEncryption: 'aes128',
      espIntegrity: 'sha1',
      pfs: false,
    },
  },
  'ikev1-modern': {
    id: 'ikev1-modern',
    label: bi('IKEv1 (AES256/SHA256/MODP2048)', 'IKEv1 modern (AES256/SHA256/MODP2048)'),
    summary: bi(
      'IKEv2 を使えない機種 (NVR510 など) 向けの、IKEv1 で最も強い組み合わせです。',
      'The strongest IKEv1 suite, for routers without IKEv2 site-to-site (e.g. NVR510).',
    ),
    suite: { ...STRONGEST_RTX_SUITE, ikeVersion: 1 },
  },
  'ikev2-recommended': {
    id: 'ikev2-recommended',
    label: bi('IKEv2 推奨 (AES256/SHA256/MODP2048, PFS)', 'IKEv2 recommended (AES256/SHA256/MODP2048, PFS)'),
    summary: bi(
      'RTX が設定できる最も強い組み合わせです。RTX830 が DH19 を先に提示されると失敗する問題も避けます。',
      'The strongest suite the RTX can configure; it also avoids the RTX830 failure when DH19 is offered first.',
    ),
    suite: { ...STRONGEST_RTX_SUITE, ikeVersion: 2 },
  },
};

export function profileMatching(suite: CryptoSuite): ProfileId | undefined {
  return PROFILE_IDS.find((id) => {
    const candidate = PROFILES[id].suite;
    return (Object.keys(candidate) as (keyof CryptoSuite)[]).every((key) => candidate[key] === suite[key]);
  });
}
