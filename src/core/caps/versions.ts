/**
 * What libreswan and strongSwan do, as facts over real version numbers. Each fact holds from
 * `since` on (inclusive) and names the upstream source it was read from (file at a tag, or the
 * changelog), so a new target is a row with a version, and builders ask `has(version, fact)`
 * instead of testing targets. Sources were read in the upstream repositories at the tags named.
 */

/** A release like `4.10`, `5.9.13` or `3.32`. */
export type Release = string;

export interface VersionFact {
  /** First release where the behaviour holds. */
  readonly since: Release;
  /** Where upstream says so: file at a tag, or the changelog entry. */
  readonly source: string;
}

const RELEASE = /^\d+(?:\.\d+){0,3}$/;

/** Numeric comparison of dotted releases (`4.9` < `4.10`); missing parts count as 0. */
export function compareReleases(a: Release, b: Release): number {
  if (!RELEASE.test(a) || !RELEASE.test(b)) throw new Error(`not a release number: ${JSON.stringify(RELEASE.test(a) ? b : a)}`);
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

export const isRelease = (text: string): boolean => RELEASE.test(text);

/** true when `release` is at or after the fact's first release. */
export const has = (release: Release, fact: VersionFact): boolean => compareReleases(release, fact.since) >= 0;

export const LIBRESWAN = {
  /** `esp=` promoted over `phase2alg=`, `aggressive=` over `aggrmode=`, `salifetime=` preferred. */
  keywords4: { since: '4.0', source: 'libreswan CHANGES v4.0 ("Promote ah=/esp= as desired keywords over phase2alg=")' },
  /** `config setup ikev1-policy=` exists (3.x has no such keyword). */
  ikev1PolicyKeyword: { since: '4.2', source: 'libreswan CHANGES v4.2 (ikev1-policy=accept|reject|drop)' },
  /**
   * DPD / IKEv2 liveness runs with `dpddelay=` alone. Before, `dpd_active_locally()` required both
   * dpddelay and dpdtimeout, for IKEv1 and IKEv2 alike: v3.15…v4.6 programs/pluto/state.c
   * (`deltasecs(dpd_delay) != 0 && deltasecs(dpd_timeout) != 0`); v4.7 programs/pluto/connections.c
   * tests `dpd.delay` only.
   */
  dpdDelayAlone: { since: '4.7', source: 'libreswan v4.6 programs/pluto/state.c vs v4.7 programs/pluto/connections.c dpd_active_locally()' },
  /**
   * `leftsubnets=`/`rightsubnets=` items are parsed in any address family. Before, the starter
   * parsed them in the family of the endpoint (v4.10 lib/libipsecconf/starterwhack.c next_subnet():
   * `ttosubnet(…, sn->end->host_family, …)`; v3.25/v4.3: the conn's `addr_family`/`afi`), so IPv6
   * endpoints with an IPv4 list fail with "is not a subnet declaration". v5.0
   * programs/pluto/whack_addconn.c parses with a NULL (any) address family.
   */
  subnetListAnyFamily: { since: '5.0', source: 'libreswan v4.10 lib/libipsecconf/starterwhack.c vs v5.0 programs/pluto/whack_addconn.c next_subnet()' },
  /**
   * `keyexchange=ikev1|ikev2`, `dhN` names, `ipsec add|up`, and `dpdaction=` ignored as obsolete
   * (revival restarts `auto=start` conns).
   */
  keywords5: { since: '5.0', source: 'libreswan CHANGES v5.0; v5.2 programs/pluto/revival.c' },
} as const satisfies Record<string, VersionFact>;

export const STRONGSWAN = {
  /** swanctl runs as strongswan.service; before, strongswan-swanctl.service. */
  swanctlUnitRenamed: { since: '5.8.0', source: 'strongSwan NEWS 5.8.0 (systemd units renamed)' },
  /**
   * `start_action = trap|start` (a trap policy and an immediate initiation). Before,
   * `parse_action` in src/libcharon/plugins/vici/vici_config.c (5.7.0 … 5.9.5) takes exactly one
   * of start|restart|route|trap|none|clear and a combination discards the connection.
   */
  startActionTrapStart: { since: '5.9.6', source: 'strongSwan NEWS 5.9.6; src/libcharon/plugins/vici/vici_config.c parse_action at 5.9.5 and 5.9.6' },
} as const satisfies Record<string, VersionFact>;
