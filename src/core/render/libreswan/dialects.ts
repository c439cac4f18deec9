import type { LibreswanDialect } from '../../caps/targets';
import { DH_NUMBER, type DhGroup, type IkeVersion } from '../../crypto/algorithms';

/**
 * How each libreswan line spells the same intent (linux-ipsec.md §1.2, §1.10). One row per
 * dialect; the conn builder asks the row instead of testing versions.
 */
export interface LibreswanDialectRules {
  /** Keyword/value pairs that select the IKE version and load on this line. */
  readonly ikeVersion: (version: IkeVersion) => readonly (readonly [string, string])[];
  /** `aggrmode` (3.x) or `aggressive` (4.x+; the old name is an alias). */
  readonly aggressiveKey: string;
  /** `phase2alg` (3.x) or `esp` (promoted in 4.0). */
  readonly espKey: string;
  /** 3.x writes `phase2=esp` as the seed does; later lines default to it. */
  readonly phase2: boolean;
  /** `keylife` (3.x, the seed) or `salifetime`. */
  readonly saLifetimeKey: string;
  /** `dpdaction=` is ignored with a warning on 5.x, where revival restarts `auto=start` conns. */
  readonly dpdAction: boolean;
  /** 5.x docs and parser prefer `dhN`; `modpNNNN` "will be removed in the future". */
  readonly dhName: (group: DhGroup) => string;
  /** `ipsec auto --add NAME` (≤4.x) or `ipsec add NAME` (5.x). */
  readonly addCommand: (name: string) => string;
  readonly upCommand: (name: string) => string;
  readonly rereadSecrets: string;
}

const modp = (group: DhGroup) => group;
const dh = (group: DhGroup) => `dh${DH_NUMBER[group]}`;

// `ikev2=no|insist` load on 3.x, 4.x, the RHEL 8 patch and (with a notice) 5.x; never `yes|permit|propose`.
const ikev2Keyword = (version: IkeVersion) => [['ikev2', version === 1 ? 'no' : 'insist']] as const;

const LIBRESWAN4: LibreswanDialectRules = {
  ikeVersion: ikev2Keyword,
  aggressiveKey: 'aggressive',
  espKey: 'esp',
  phase2: false,
  saLifetimeKey: 'salifetime',
  dpdAction: true,
  dhName: modp,
  addCommand: (name) => `ipsec auto --add ${name}`,
  upCommand: (name) => `ipsec auto --up ${name}`,
  rereadSecrets: 'ipsec auto --rereadsecrets',
};

export const LIBRESWAN_DIALECTS: Readonly<Record<LibreswanDialect, LibreswanDialectRules>> = {
  libreswan3: {
    // The seed's `keyexchange=ike` (the only value 3.x knows) plus an explicit version: 3.28+ made
    // IKEv2 the default, so the seed would silently become IKEv2 without it (linux-ipsec.md §0.1).
    ikeVersion: (version) => [['keyexchange', 'ike'], ...ikev2Keyword(version)],
    aggressiveKey: 'aggrmode',
    espKey: 'phase2alg',
    phase2: true,
    saLifetimeKey: 'keylife',
    dpdAction: true,
    dhName: modp,
    addCommand: (name) => `ipsec auto --add ${name}`,
    upCommand: (name) => `ipsec auto --up ${name}`,
    rereadSecrets: 'ipsec auto --rereadsecrets',
  },
  libreswan4: LIBRESWAN4,
  // The RHEL 8 keyword patch refuses `ikev2=yes|propose|permit`; `no|insist` are what we write anyway.
  'libreswan4-rhel8': LIBRESWAN4,
  libreswan5: {
    ikeVersion: (version) => [['keyexchange', version === 1 ? 'ikev1' : 'ikev2']],
    aggressiveKey: 'aggressive',
    espKey: 'esp',
    phase2: false,
    saLifetimeKey: 'salifetime',
    dpdAction: false,
    dhName: dh,
    addCommand: (name) => `ipsec add ${name}`,
    upCommand: (name) => `ipsec up ${name}`,
    rereadSecrets: 'ipsec rereadsecrets',
  },
};
