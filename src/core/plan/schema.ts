import * as z from 'zod/mini';
import { ROUTER_MODELS } from '../caps/routers';
import { REVISION_PATTERN } from '../caps/revision';
import { STACKS, VPS_TARGETS } from '../caps/targets';
import { DH_GROUPS, ENCRYPTIONS, HASHES } from '../crypto/algorithms';
import { isStrictIpv4, parseIpv4Interface } from '../net/ipv4';
import { isIpv6Text } from '../net/ipv6';
import { FIELD_PATTERNS } from './fields';
import { MAX_PEERS } from './limits';
import { peerTopologyFields, vpsTopologyFields } from './topologySchema';

/*
 * The plan: everything the user decides, and nothing derived. Error messages are message codes
 * (see messages.ts) so that the core can report them in Japanese and English.
 */

const text = (pattern: RegExp, code: string) => z.string({ error: 'required' }).check(z.regex(pattern, { error: code }));

const integer = (min: number, max: number) =>
  z.number({ error: 'integer' }).check(z.int({ error: 'integer' }), z.gte(min, { error: `range:${min}:${max}` }), z.lte(max, { error: `range:${min}:${max}` }));

const ipv6Address = z.string({ error: 'required' }).check(z.refine((value) => isIpv6Text(value), { error: 'ipv6.syntax' }));

const ipv4Address = z.string({ error: 'required' }).check(z.refine((value) => isStrictIpv4(value), { error: 'ipv4.syntax' }));

/** A host address with its segment's prefix, as the RTX writes `ip lan1 address 192.168.10.1/24`. */
const ipv4Interface = z.string({ error: 'required' }).check(z.refine((value) => parseIpv4Interface(value) !== undefined, { error: 'ipv4.cidr' }));

/** RTX filter numbers (rtx-commands.md §1.2: 1..21474836). */
const filterNumber = integer(1, 21474836);

export const lanSegmentSchema = z.object({
  interface: text(FIELD_PATTERNS.routerInterface, 'router.interface'),
  address: ipv4Interface,
});

export const ipv4AccessSchema = z.object({
  kind: z._default(z.enum(['ds-lite', 'map-e', 'none'], { error: 'choice' }), 'ds-lite'),
  /** The tunnel interface the DS-Lite/MAP-E tunnel already occupies (tunnel 1 in the seed). */
  tunnelId: z._default(integer(1, 3000), 1),
});

export const pppoeSchema = z.object({
  /** Keep a PPPoE session for L2TP/IPsec remote access and steer its replies to it (the seed). */
  enabled: z._default(z.boolean(), false),
  pp: z._default(integer(1, 150), 1),
  /** First of the four `ip filter` numbers for the filter-type default route. */
  filterBase: z._default(integer(1, 21474836 - 3), 400000),
});

export const secureFilterSchema = z.object({
  /** The user's existing `ipv6 <wan> secure filter in` list; ours are appended, never replace it. */
  inbound: z._default(z.array(filterNumber).check(z.maxLength(120, { error: 'filters.inboundTooMany' })), [101000, 101001, 101002]),
  /** Re-stated unchanged when given (the seed shows it); empty = not emitted. */
  outbound: z._default(z.array(filterNumber).check(z.maxLength(129, { error: 'filters.tooMany' })), []),
  outboundDynamic: z._default(z.array(filterNumber).check(z.maxLength(129, { error: 'filters.tooMany' })), []),
  /** First number for the filters that admit the VPS. */
  vpsFilterBase: z._default(filterNumber, 102000),
  /** `all-from-vps` is the seed's catch-all; `ike-esp` admits only IKE and ESP (rtx-commands.md §4.4). */
  vpsScope: z._default(z.enum(['ike-esp', 'all-from-vps'], { error: 'choice' }), 'ike-esp'),
});

/**
 * How the VPS finds the home when its IPv6 prefix is only semi-fixed (FLET'S IPoE): by a DNS name
 * the RTX keeps current — NetVolante DNS (YAMAHA's own service, CR ch.34) or a DDNS name the user
 * already has. `none` pins the literal `wanIpv6` on both sides, as before.
 */
export const homeDnsSchema = z.object({
  kind: z._default(z.enum(['none', 'netvolante', 'ddns'], { error: 'choice' }), 'none'),
  /** The full name (NetVolante: `<host>.<subdomain>.netvolante.jp`); checked as an FQDN in derive/checks. */
  fqdn: z._default(text(FIELD_PATTERNS.fqdnText, 'fqdn.syntax'), ''),
});

export const homeSchema = z.object({
  wanInterface: z._default(text(FIELD_PATTERNS.routerInterface, 'router.interface'), 'lan2'),
  wanIpv6: z._default(ipv6Address, '2001:db8:1::1'),
  lans: z._default(z.array(lanSegmentSchema).check(z.minLength(1, { error: 'lans.min' }), z.maxLength(4, { error: 'lans.max' })), [
    { interface: 'lan1', address: '192.168.10.1/24' },
  ]),
  ipv4Access: z.prefault(ipv4AccessSchema, {}),
  pppoe: z.prefault(pppoeSchema, {}),
  filters: z.prefault(secureFilterSchema, {}),
  dns: z.prefault(homeDnsSchema, {}),
});

export const hgwSchema = z.object({
  /** The seed's home gateway (PR-500KI) behind the RTX's WAN segment: instructions only. */
  enabled: z._default(z.boolean(), false),
  model: z._default(text(FIELD_PATTERNS.hgwModel, 'hgw.model'), 'PR-500KI'),
  address: z._default(ipv4Address, '192.168.11.2'),
  disableDhcp: z._default(z.boolean(), true),
});

export const cryptoSchema = z.object({
  ikeVersion: z._default(z.union([z.literal(1), z.literal(2)], { error: 'ike.version' }), 2),
  ikeEncryption: z._default(z.enum(ENCRYPTIONS, { error: 'choice' }), 'aes256'),
  ikeHash: z._default(z.enum(HASHES, { error: 'choice' }), 'sha256'),
  dhGroup: z._default(z.enum(DH_GROUPS, { error: 'choice' }), 'modp2048'),
  espEncryption: z._default(z.enum(ENCRYPTIONS, { error: 'choice' }), 'aes256'),
  espIntegrity: z._default(z.enum(HASHES, { error: 'choice' }), 'sha256'),
  pfs: z._default(z.boolean(), true),
});

export const dpdSchema = z.object({
  /** VPS side: seconds of silence before a DPD/liveness probe. */
  delay: z._default(integer(1, 600), 10),
  /** VPS side, IKEv1 only: seconds without answer before the peer is declared dead. */
  timeout: z._default(integer(1, 3600), 60),
  /** RTX `ipsec ike keepalive use … <interval> <count>` (§3.1: 1..600, 1..50). */
  rtxInterval: z._default(integer(1, 600), 10),
  rtxCount: z._default(integer(1, 50), 6),
});

export const tunnelSchema = z.object({
  /** RTX tunnel interface number (`tunnel select N`). */
  tunnelId: z._default(integer(1, 3000), 2),
  /** Security-gateway id used by every `ipsec ike … <gw>` command. */
  gatewayId: z._default(integer(1, 3000), 1),
  /** SA policy id (`ipsec tunnel P`, `ipsec sa policy P G`). */
  policyId: z._default(integer(1, 2147483647), 1),
  crypto: z.prefault(cryptoSchema, {}),
  /** Seconds; the RTX range is 300..691200, libreswan caps at 86400 (linux-ipsec.md §1.2). */
  ikeLifetime: z._default(integer(300, 86400), 28800),
  childLifetime: z._default(integer(300, 86400), 3600),
  dpd: z.prefault(dpdSchema, {}),
  /** Which side starts the negotiation; `both` as in the seed (auto=start + ipsec auto refresh on). */
  initiator: z._default(z.enum(['both', 'vps', 'rtx'], { error: 'choice' }), 'both'),
  psk: z._default(z.string({ error: 'required' }), ''),
});

export const vpsSchema = z.object({
  target: z._default(z.enum(VPS_TARGETS, { error: 'choice' }), 'debian-12'),
  /** Absent = the target's recommended stack. */
  stack: z.optional(z.enum(STACKS, { error: 'choice' })),
  publicInterface: z._default(text(FIELD_PATTERNS.linuxInterface, 'linux.interface'), 'eth0'),
  privateInterface: z._default(text(FIELD_PATTERNS.linuxInterface, 'linux.interface'), 'eth1'),
  ipv6: z._default(ipv6Address, '2001:db8:2::1'),
  /** The VPS's address on its private NIC, with the private segment's prefix. */
  privateAddress: z._default(ipv4Interface, '192.168.20.1/24'),
  ...vpsTopologyFields,
});

export const peerSchema = z.object({
  name: z._default(text(FIELD_PATTERNS.connectionName, 'connection.name'), 'vps-rtx'),
  description: z._default(text(FIELD_PATTERNS.description, 'description'), 'VPS-RTX'),
  vps: z.prefault(vpsSchema, {}),
  tunnel: z.prefault(tunnelSchema, {}),
  ...peerTopologyFields,
  /**
   * A standby VPS for the same private network as an earlier peer: the RTX routes to it only while
   * the primary's tunnel is down (`ip route … hide … weight 0`, rtx-commands.md §1.1).
   */
  backup: z._default(z.boolean(), false),
});

/**
 * Version 2 adds `home.dns`, `peers[i].backup` and more than one peer; every v1 plan is a valid v2
 * plan once its version is raised (plan/migrate.ts).
 */
export const PLAN_SCHEMA_VERSION = 2;

export const planSchema = z.object({
  schemaVersion: z._default(z.literal(PLAN_SCHEMA_VERSION, { error: 'schemaVersion' }), PLAN_SCHEMA_VERSION),
  router: z.prefault(
    z.object({
      model: z._default(z.enum(ROUTER_MODELS, { error: 'choice' }), 'RTX830'),
      firmware: z._default(text(REVISION_PATTERN, 'router.firmware'), '15.02.33'),
    }),
    {},
  ),
  home: z.prefault(homeSchema, {}),
  hgw: z.prefault(hgwSchema, {}),
  /** One tunnel per peer, all from this home's router: several VPSes, or a primary and its backups. */
  peers: z.prefault(z.array(peerSchema).check(z.minLength(1, { error: 'peers.min' }), z.maxLength(MAX_PEERS, { error: 'peers.max' })), [{}]),
});

export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
export type Peer = Plan['peers'][number];
