/** Vendor-neutral algorithm names used in the plan; each dialect maps them to its own keywords. */
export const ENCRYPTIONS = ['aes128', 'aes256', '3des'] as const;
export type Encryption = (typeof ENCRYPTIONS)[number];

export const HASHES = ['sha1', 'sha256', 'sha384', 'sha512'] as const;
export type Hash = (typeof HASHES)[number];

/** Only the MODP groups the RTX can configure (rtx-commands.md §1.12: modp768..modp2048). */
export const DH_GROUPS = ['modp1024', 'modp1536', 'modp2048'] as const;
export type DhGroup = (typeof DH_GROUPS)[number];

export const DH_NUMBER: Readonly<Record<DhGroup, number>> = { modp1024: 2, modp1536: 5, modp2048: 14 };

export const IKE_VERSIONS = [1, 2] as const;
export type IkeVersion = (typeof IKE_VERSIONS)[number];

export interface CryptoSuite {
  readonly ikeVersion: IkeVersion;
  readonly ikeEncryption: Encryption;
  readonly ikeHash: Hash;
  readonly dhGroup: DhGroup;
  readonly espEncryption: Encryption;
  readonly espIntegrity: Hash;
  readonly pfs: boolean;
}

/** RTX keywords (rtx-commands.md §1.10–1.13, §2.3). */
export const RTX_KEYWORDS = {
  ikeEncryption: { aes128: 'aes-cbc', aes256: 'aes256-cbc', '3des': '3des-cbc' },
  ikeHash: { sha1: 'sha', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' },
  espEncryption: { aes128: 'aes-cbc', aes256: 'aes256-cbc', '3des': '3des-cbc' },
  espIntegrity: { sha1: 'sha-hmac', sha256: 'sha256-hmac', sha384: 'sha384-hmac', sha512: 'sha512-hmac' },
} as const satisfies Record<string, Record<string, string>>;

/** libreswan keywords (linux-ipsec.md §1.6). */
export const LIBRESWAN_KEYWORDS = {
  encryption: { aes128: 'aes128', aes256: 'aes256', '3des': '3des' },
  hash: { sha1: 'sha1', sha256: 'sha2_256', sha384: 'sha2_384', sha512: 'sha2_512' },
} as const satisfies Record<string, Record<string, string>>;

/** strongSwan proposal keywords (linux-ipsec.md §2.2). */
export const STRONGSWAN_KEYWORDS = {
  encryption: { aes128: 'aes128', aes256: 'aes256', '3des': '3des' },
  hash: { sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' },
} as const satisfies Record<string, Record<string, string>>;
