import type { RevisionGate } from './revision';

export const ROUTER_MODELS = [
  'RTX830',
  'RTX840',
  'RTX1210',
  'RTX1220',
  'RTX1300',
  'RTX3510',
  'RTX5000',
  'RTX3500',
  'NVR700W',
  'NVR510',
  'RTX810',
  'RTX1200',
] as const;
export type RouterModel = (typeof ROUTER_MODELS)[number];

/**
 * What a router model can do, per YAMAHA コマンドリファレンス 第12.01版 (cited as rtx-commands.md §n in
 * the repository docs). Where the vendor is silent the safe (smaller/absent) value is chosen and the
 * reason is kept in `unverified`, which the UI and README show.
 */
export interface RouterCapabilities {
  readonly model: RouterModel;
  /** Firmware series this model runs (Rev.15.02.xx for RTX830); a revision from another series is a typo. */
  readonly firmwareSeries: readonly string[];
  /** A revision known to exist, used as the form's default. */
  readonly exampleRevision: string;
  /** Tunnel interface numbers and security-gateway ids share this limit (ch.15 intro, §14.3). */
  readonly maxTunnels: number;
  readonly lanInterfaces: readonly string[];
  /** Interfaces that can face the NGN (IPv6 WAN). */
  readonly wanInterfaces: readonly string[];
  /** IKEv2 site-to-site (§2.1). */
  readonly ikev2SiteToSite: boolean | RevisionGate;
  /** `ipsec ike proposal-limitation` (§15.44). */
  readonly proposalLimitation: boolean | RevisionGate;
  /** `ipsec ike child-exchange type 2` (§15.46: CREATE_CHILD_SA rekeys as other implementations do). */
  readonly childExchangeType2: boolean | RevisionGate;
  /** `ipsec ike message-id-control` (§15.45: one outstanding request, as RFC 7296's default window). */
  readonly messageIdControl: boolean | RevisionGate;
  /** sha384/sha512 and their -hmac forms (§15.25, §15.48.2). */
  readonly sha2Long: boolean;
  /** `tunnel encapsulation map-e` (§14.14). */
  readonly mapE: boolean | RevisionGate;
  /** `tunnel map-e type ipv6option` (§14.14). */
  readonly mapETypeOption: boolean | RevisionGate;
  /** PP numbers (§1.6). */
  readonly maxPp: number;
  /** `ip tunnel tcp mss limit auto` is the default from this revision (§8.1.21); before it, `off`. */
  readonly mssAutoDefault: boolean | RevisionGate;
  /**
   * NetVolante DNS registering the WAN interface's IPv6 address: `netvolante-dns hostname host
   * <if> … ipv6 address` (CR §34.6: RTX5000/RTX3500 Rev.14.00.26+, RTX1210 Rev.14.01.33+, RTX830
   * Rev.15.02.09+, every Rev.15.04 and later series). Models outside chapter 34's list are `false`:
   * not confirmed, so not emitted.
   */
  readonly netvolanteIpv6: boolean | RevisionGate;
  readonly unverified: readonly string[];
}

const CURRENT: Pick<RouterCapabilities, 'ikev2SiteToSite' | 'proposalLimitation' | 'childExchangeType2' | 'messageIdControl'> = {
  ikev2SiteToSite: true,
  proposalLimitation: true,
  childExchangeType2: true,
  messageIdControl: true,
};

/**
 * What the models of the older firmware generations (NVR510/700W, RTX810/1200) lack in 第12.01版: none of
 * the IKEv2 refinements, no SHA-384/512, no MAP-E type option, no automatic MSS, no NetVolante IPv6.
 */
const OLDER_GENERATION: Pick<
  RouterCapabilities,
  'proposalLimitation' | 'childExchangeType2' | 'messageIdControl' | 'sha2Long' | 'mapETypeOption' | 'mssAutoDefault' | 'netvolanteIpv6'
> = {
  proposalLimitation: false,
  childExchangeType2: false,
  messageIdControl: false,
  sha2Long: false,
  mapETypeOption: false,
  mssAutoDefault: false,
  netvolanteIpv6: false,
};

const HIGH_END: RouterCapabilities = {
  model: 'RTX5000',
  firmwareSeries: ['14.00'],
  exampleRevision: '14.00.34',
  maxTunnels: 3000,
  lanInterfaces: ['lan1', 'lan2', 'lan3'],
  wanInterfaces: ['lan1', 'lan2', 'lan3'],
  ikev2SiteToSite: true,
  proposalLimitation: { since: '14.00.18' },
  childExchangeType2: { since: '14.00.18' },
  messageIdControl: { since: '14.00.18' },
  sha2Long: false,
  mapE: false,
  mapETypeOption: false,
  maxPp: 150,
  mssAutoDefault: true,
  netvolanteIpv6: { since: '14.00.26' },
  unverified: ['No WAN-specific interface: any LAN interface may face the NGN.'],
};

export const ROUTERS: Readonly<Record<RouterModel, RouterCapabilities>> = {
  RTX830: {
    model: 'RTX830',
    firmwareSeries: ['15.02'],
    exampleRevision: '15.02.33',
    maxTunnels: 20,
    lanInterfaces: ['lan1', 'lan2'],
    wanInterfaces: ['lan2'],
    ...CURRENT,
    sha2Long: false,
    mapE: { since: '15.02.10' },
    mapETypeOption: { after: '15.02.28' },
    maxPp: 30,
    mssAutoDefault: { since: '15.02.03' },
    netvolanteIpv6: { since: '15.02.09' },
    unverified: ['Up to 100 tunnels need the YSL-VPN-EX1 licence; the wizard keeps to the base 20.'],
  },
  RTX840: {
    model: 'RTX840',
    firmwareSeries: ['23.02'],
    exampleRevision: '23.02.02',
    maxTunnels: 20,
    lanInterfaces: ['lan1', 'lan2'],
    wanInterfaces: ['lan2'],
    ...CURRENT,
    sha2Long: false,
    mapE: true,
    mapETypeOption: true,
    maxPp: 30,
    mssAutoDefault: true,
    netvolanteIpv6: true,
    unverified: ['LAN interface count not in the manual; lan1/lan2 assumed as on RTX830.'],
  },
  RTX1210: {
    model: 'RTX1210',
    firmwareSeries: ['14.01'],
    exampleRevision: '14.01.42',
    maxTunnels: 100,
    lanInterfaces: ['lan1', 'lan2', 'lan3'],
    wanInterfaces: ['lan2', 'lan3'],
    ikev2SiteToSite: true,
    proposalLimitation: { since: '14.01.09' },
    childExchangeType2: { since: '14.01.11' },
    messageIdControl: { since: '14.01.09' },
    sha2Long: false,
    mapE: { since: '14.01.34' },
    mapETypeOption: false,
    maxPp: 100,
    mssAutoDefault: { since: '14.01.26' },
    netvolanteIpv6: { since: '14.01.33' },
    unverified: ['lan3 name from the hardware, not from the manual.'],
  },
  RTX1220: {
    model: 'RTX1220',
    firmwareSeries: ['15.04'],
    exampleRevision: '15.04.07',
    maxTunnels: 100,
    lanInterfaces: ['lan1', 'lan2', 'lan3'],
    wanInterfaces: ['lan2', 'lan3'],
    ...CURRENT,
    sha2Long: false,
    mapE: true,
    mapETypeOption: { after: '15.04.04' },
    maxPp: 100,
    mssAutoDefault: true,
    netvolanteIpv6: true,
    unverified: ['LAN interface names assumed as on RTX1210.'],
  },
  RTX1300: {
    model: 'RTX1300',
    firmwareSeries: ['23.00'],
    exampleRevision: '23.00.17',
    maxTunnels: 100,
    lanInterfaces: ['lan1', 'lan2', 'lan3'],
    wanInterfaces: ['lan2', 'lan3'],
    ...CURRENT,
    sha2Long: true,
    mapE: true,
    mapETypeOption: { after: '23.00.04' },
    maxPp: 100,
    mssAutoDefault: true,
    netvolanteIpv6: true,
    unverified: ['The default flexible-port layout (lan1..lan3) is assumed; more LAN interfaces need `lan flexible-port`.'],
  },
  RTX3510: {
    model: 'RTX3510',
    firmwareSeries: ['23.01'],
    exampleRevision: '23.01.03',
    maxTunnels: 1000,
    lanInterfaces: ['lan1', 'lan2', 'lan3'],
    wanInterfaces: ['lan2', 'lan3'],
    ...CURRENT,
    sha2Long: true,
    mapE: false,
    mapETypeOption: false,
    maxPp: 150,
    mssAutoDefault: true,
    netvolanteIpv6: true,
    unverified: ['LAN interface names are not in the manual; lan1..lan3 assumed.'],
  },
  RTX5000: HIGH_END,
  // Same firmware and manual chapter as RTX5000; only the tunnel count differs (ch.15 intro).
  RTX3500: { ...HIGH_END, model: 'RTX3500', maxTunnels: 1000 },
  NVR700W: {
    model: 'NVR700W',
    firmwareSeries: ['15.00'],
    exampleRevision: '15.00.24',
    maxTunnels: 6,
    lanInterfaces: ['lan1', 'lan2'],
    wanInterfaces: ['onu1', 'lan2'],
    ikev2SiteToSite: true,
    ...OLDER_GENERATION,
    mapE: true,
    maxPp: 30,
    unverified: [
      'Tunnel count not published; 6 (the data-connect limit) is used.',
      'proposal-limitation is not documented for NVR700W in 第12.01版; not emitted, so the router proposes every algorithm it has.',
      'SHA-2/AES-256/MODP2048 keywords on this older model are not confirmed by the current manual.',
    ],
  },
  NVR510: {
    model: 'NVR510',
    firmwareSeries: ['15.01'],
    exampleRevision: '15.01.25',
    maxTunnels: 4,
    lanInterfaces: ['lan1', 'lan2'],
    wanInterfaces: ['onu1', 'lan2'],
    ikev2SiteToSite: false,
    ...OLDER_GENERATION,
    mapE: true,
    maxPp: 30,
    unverified: [
      'Tunnel count not published; 4 (the L2TP/data-connect limit) is used.',
      'SHA-2/AES-256/MODP2048 keywords on this older model are not confirmed by the current manual.',
    ],
  },
  RTX810: {
    model: 'RTX810',
    firmwareSeries: ['11.01'],
    exampleRevision: '11.01.34',
    maxTunnels: 6,
    lanInterfaces: ['lan1', 'lan2'],
    wanInterfaces: ['lan2'],
    ikev2SiteToSite: true,
    ...OLDER_GENERATION,
    mapE: false,
    maxPp: 30,
    unverified: [
      'IKEv2 site-to-site read from a flattened table in YAMAHA’s IKEv2 page.',
      'Tunnel count not published; 6 is used.',
      'SHA-2/AES-256/MODP2048 keywords on this older model are not confirmed by the current manual.',
    ],
  },
  RTX1200: {
    model: 'RTX1200',
    firmwareSeries: ['10.01'],
    exampleRevision: '10.01.78',
    maxTunnels: 100,
    lanInterfaces: ['lan1', 'lan2', 'lan3'],
    wanInterfaces: ['lan2', 'lan3'],
    ikev2SiteToSite: { since: '10.01.22' },
    ...OLDER_GENERATION,
    mapE: false,
    maxPp: 100,
    unverified: [
      'LAN interface names are not in the current manual.',
      'SHA-2/AES-256/MODP2048 keywords on this older model are not confirmed by the current manual.',
    ],
  },
};
