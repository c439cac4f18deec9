import type { LibreswanCaps } from '../../caps/targets';
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

/** `conn <name>` for the VPS side: left is the VPS, right the RTX. */
export function buildLibreswanConn(d: Deployment, caps: LibreswanCaps): ConfSection {
  const rules = LIBRESWAN_DIALECTS[caps.dialect];
  const { tunnel } = d.peer;
  const { crypto } = d;
  const proposals = libreswanProposals(rules, crypto);
  const ikev1 = crypto.ikeVersion === 1;
  const { vpsInitiates } = d;
  const entries: ConfEntry[] = [
    entry('auto', vpsInitiates ? 'start' : 'add', vpsInitiates ? undefined : 'the RTX initiates; this side only answers'),
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
  // IKEv2 ignores dpdtimeout (it uses retransmit-timeout) and warns when it is present.
  if (ikev1) entries.push(entry('dpdtimeout', tunnel.dpd.timeout));
  if (rules.dpdAction) entries.push(entry('dpdaction', 'restart'));
  entries.push(entry('left', d.vpsIpv6));
  if (!ikev1) entries.push(entry('leftid', d.vpsIpv6, 'the RTX expects this as ipsec ike remote name ... ipv6-addr'));
  entries.push(entry('leftsubnet', vpsSelectorText(d)));
  entries.push(entry('right', d.rtxIpv6));
  if (!ikev1) entries.push(entry('rightid', d.rtxIpv6));
  entries.push(homeSubnets(d));
  if (!ikev1) {
    entries.push(entry('narrowing', 'yes', 'a route-based RTX may propose wider traffic selectors; narrow them to the subnets above'));
  }
  return { header: `conn ${d.peer.name}`, entries };
}

function homeSubnets(d: Deployment): ConfEntry {
  const networks = d.homeNetworks.map(formatNetwork);
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
