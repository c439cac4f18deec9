import type { LibreswanCaps } from '../../caps/targets';
import { has, LIBRESWAN } from '../../caps/versions';
import { LIBRESWAN_KEYWORDS, type CryptoSuite } from '../../crypto/algorithms';
import type { Deployment } from '../../derive/deployment';
import { formatNetwork } from '../../net/ipv4';
import { vpsSelectorText } from '../../derive/topology';
import { LIBRESWAN_DIALECTS, type LibreswanDialectRules } from './dialects';
import type { ConfEntry, ConfSection } from './ipsecConf';

const entry = (key: string, value: string | number, why?: string): ConfEntry => ({ key, value: String(value), ...(why ? { why } : {}) });

export function libreswanProposals(rules: LibreswanDialectRules, crypto: CryptoSuite): { ike: string; esp: string } {
  const enc = LIBRESWAN_KEYWORDS.encryption;
  const hash = LIBRESWAN_KEYWORDS.hash;
  const dh = rules.dhName(crypto.dhGroup);
  return {
    ike: `${enc[crypto.ikeEncryption]}-${hash[crypto.ikeHash]};${dh}`,
    // With pfs=no a DH group in esp= is ignored but still has to load (linux-ipsec.md §1.2), so
    // it is left out; with PFS the group is named so that rekeys use the same one as the RTX.
    esp: `${enc[crypto.espEncryption]}-${hash[crypto.espIntegrity]}${crypto.pfs ? `;${dh}` : ''}`,
  };
}

/**
 * The conns for the VPS side: left is the VPS, right the RTX. One `conn <name>` when the home
 * side is one selector or the release parses a `rightsubnets=` list in any family; otherwise a
 * base `conn <name>` (never loaded itself: no `auto=`) plus one `conn <name>-<n>` per LAN segment
 * that includes it with `also=`, since before 5.0 the list is parsed in the IPv6 endpoints' family
 * and the conn is rejected (LIBRESWAN.subnetListAnyFamily).
 */
export function buildLibreswanConns(d: Deployment, caps: LibreswanCaps): ConfSection[] {
  const base = buildBaseConn(d, caps);
  const networks = d.homeNetworks.map(formatNetwork);
  if (networks.length === 1 || has(caps.release, LIBRESWAN.subnetListAnyFamily)) {
    return [{ header: base.header, entries: [...base.auto, ...base.entries, homeSubnets(networks), ...base.narrowing] }];
  }
  return [
    { header: base.header, entries: [...base.entries, ...base.narrowing] },
    ...networks.map((network, i) => ({
      header: `conn ${d.peer.name}-${i + 1}`,
      entries: [
        entry(
          'also',
          d.peer.name,
          i === 0 ? `one conn per LAN segment: libreswan ${caps.version} reads a rightsubnets= list in the IPv6 family of the endpoints` : undefined,
        ),
        ...base.auto,
        entry('rightsubnet', network),
      ],
    })),
  ];
}

/** Names of the conns that are loaded and brought up (not the `also=` base). */
export function libreswanConnNames(d: Deployment, caps: LibreswanCaps): string[] {
  const conns = buildLibreswanConns(d, caps);
  return (conns.length === 1 ? conns : conns.slice(1)).map((conn) => conn.header.slice('conn '.length));
}

interface BaseConn {
  readonly header: string;
  /** `auto=`, which only the loaded conns carry. */
  readonly auto: readonly ConfEntry[];
  /** Everything from `type=` to `rightid=`. */
  readonly entries: readonly ConfEntry[];
  /** What follows the home selectors. */
  readonly narrowing: readonly ConfEntry[];
}

function buildBaseConn(d: Deployment, caps: LibreswanCaps): BaseConn {
  const rules = LIBRESWAN_DIALECTS[caps.dialect];
  const { tunnel } = d.peer;
  const { crypto } = d;
  const proposals = libreswanProposals(rules, crypto);
  const ikev1 = crypto.ikeVersion === 1;
  // libreswan resolves a peer's name once and never again (libreswan/libreswan#2556, #2614): for a
  // home named by DNS this side only answers, whatever the plan asks (checks/dynamicHome.ts).
  const vpsInitiates = d.vpsInitiates && d.rtxFqdn === undefined;
  const auto = [entry('auto', vpsInitiates ? 'start' : 'add', vpsInitiates ? undefined : 'the RTX initiates; this side only answers')];
  const entries: ConfEntry[] = [
    entry('type', 'tunnel'),
    ...rules.ikeVersion(crypto.ikeVersion).map(([key, value]) => entry(key, value)),
    entry('authby', 'secret'),
  ];
  if (ikev1) entries.push(entry(rules.aggressiveKey, 'no', 'main mode: the RTX uses it when no local/remote name is set'));
  entries.push(entry('ike', proposals.ike));
  if (rules.phase2) entries.push(entry('phase2', 'esp'));
  entries.push(
    entry(rules.espKey, proposals.esp),
    entry('pfs', crypto.pfs ? 'yes' : 'no'),
    entry('ikelifetime', `${tunnel.ikeLifetime}s`),
    entry(rules.saLifetimeKey, `${tunnel.childLifetime}s`),
    entry('compress', 'no'),
    entry(
      'dpddelay',
      tunnel.dpd.delay,
      ikev1 ? 'RFC 3706 DPD, answered by the RTX keepalive (dpd)' : 'IKEv2 liveness, answered by the RTX keepalive (rfc4306)',
    ),
  );
  // From 4.7 IKEv2 ignores dpdtimeout (it uses retransmit-timeout) and warns when it is present;
  // before 4.7 DPD and IKEv2 liveness run only when both are set (LIBRESWAN.dpdDelayAlone).
  if (ikev1 || !has(caps.release, LIBRESWAN.dpdDelayAlone)) {
    entries.push(entry('dpdtimeout', tunnel.dpd.timeout, ikev1 ? undefined : `libreswan ${caps.version} runs IKEv2 liveness only when dpdtimeout is set too`));
  }
  if (rules.dpdAction) entries.push(entry('dpdaction', 'restart'));
  entries.push(entry('left', d.vpsIpv6));
  if (!ikev1) entries.push(entry('leftid', d.vpsIpv6, 'the RTX expects this as ipsec ike remote name ... ipv6-addr'));
  entries.push(entry('leftsubnet', vpsSelectorText(d)));
  if (d.rtxFqdn === undefined) {
    entries.push(entry('right', d.rtxIpv6));
    if (!ikev1) entries.push(entry('rightid', d.rtxIpv6));
  } else {
    entries.push(
      entry('right', '%any', 'the home address changes; the RTX is known by its ID'),
      entry('rightid', `@${d.rtxFqdn}`, 'ipsec ike local name ... fqdn on the RTX'),
    );
  }
  const narrowing = ikev1 ? [] : [entry('narrowing', 'yes', 'a route-based RTX may propose wider traffic selectors; narrow them to the subnets above')];
  return { header: `conn ${d.peer.name}`, auto, entries, narrowing };
}

function homeSubnets(networks: readonly string[]): ConfEntry {
  return networks.length === 1
    ? entry('rightsubnet', networks[0]!, 'the RTX LAN segments as one network where they aggregate')
    : entry('rightsubnets', `{${networks.join(' ')}}`, 'one selector per LAN segment: they do not aggregate');
}

/** `config setup` lines this deployment needs, if any (Debian-built 4.x and 5.x drop IKEv1 by default). */
export function buildLibreswanSetup(d: Deployment, caps: LibreswanCaps): ConfSection | undefined {
  if (d.crypto.ikeVersion === 1 && caps.ikev1 === 'needs-policy') {
    return {
      header: 'config setup',
      entries: [entry('ikev1-policy', 'accept', 'IKEv1 conns do not load while ikev1-policy is drop (the default here)')],
    };
  }
  return undefined;
}
