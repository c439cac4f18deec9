import type { StrongswanCaps } from '../../caps/targets';
import { has, STRONGSWAN } from '../../caps/versions';
import { STRONGSWAN_KEYWORDS, type CryptoSuite } from '../../crypto/algorithms';
import type { Deployment } from '../../derive/deployment';
import { formatNetwork } from '../../net/ipv4';
import { vpsSelectorText } from '../../derive/topology';
import { note, quotedSetting, section, setting, type SwanctlNode } from './swanctlConf';

export function strongswanProposals(crypto: CryptoSuite): { ike: string; esp: string } {
  const enc = STRONGSWAN_KEYWORDS.encryption;
  const hash = STRONGSWAN_KEYWORDS.hash;
  return {
    ike: `${enc[crypto.ikeEncryption]}-${hash[crypto.ikeHash]}-${crypto.dhGroup}`,
    // A DH group in esp_proposals means PFS (IKEv1 quick mode, IKEv2 CREATE_CHILD_SA rekeys).
    esp: `${enc[crypto.espEncryption]}-${hash[crypto.espIntegrity]}${crypto.pfs ? `-${crypto.dhGroup}` : ''}`,
  };
}

/**
 * The RTX's address, or for a home named by DNS its name: strongSwan resolves a DNS name in
 * remote_addrs "every time a configuration lookup is done" (src/swanctl/swanctl.opt), so it follows
 * the home's changes. `::/0` after it lets the RTX in from any address before DNS has caught up
 * (as responder any listed address or subnet matches; as initiator the first name is used).
 */
function remoteAddrs(d: Deployment, vpsInitiates: boolean): string {
  if (d.rtxFqdn === undefined) return d.rtxIpv6;
  return vpsInitiates ? `${d.rtxFqdn},::/0` : '%any';
}

/** `/etc/swanctl/conf.d/<name>.conf`: the connection and its secret (linux-ipsec.md §2.2). */
export function buildSwanctl(d: Deployment, caps: StrongswanCaps): SwanctlNode[] {
  const { tunnel } = d.peer;
  const { crypto } = d;
  const ikev1 = crypto.ikeVersion === 1;
  const proposals = strongswanProposals(crypto);
  const { vpsInitiates } = d;
  const trapAndStart = has(caps.release, STRONGSWAN.startActionTrapStart);
  const connection: SwanctlNode[] = [
    setting('version', crypto.ikeVersion),
    setting('local_addrs', d.vpsIpv6),
    setting('remote_addrs', remoteAddrs(d, vpsInitiates)),
    setting('proposals', proposals.ike),
  ];
  if (ikev1) connection.push(setting('aggressive', 'no'));
  else connection.push(note('the RTX does not move between addresses'), setting('mobike', 'no'));
  connection.push(
    note(ikev1 ? 'IKEv1 reauthenticates at this interval' : 'IKE SA rekey interval'),
    setting('rekey_time', `${tunnel.ikeLifetime}s`),
    setting('dpd_delay', `${tunnel.dpd.delay}s`),
  );
  if (vpsInitiates && !trapAndStart) {
    // Without trap policies (start_action = trap|start needs 5.9.6) a failed first attempt would be
    // the last one: keep trying.
    connection.push(note(`strongSwan ${caps.version}: no trap|start before 5.9.6, so retry until the RTX answers`), setting('keyingtries', 0));
  }
  // dpd_timeout "has no effect on connections using IKE2" (swanctl.conf(5)).
  if (ikev1) connection.push(setting('dpd_timeout', `${tunnel.dpd.timeout}s`));
  connection.push(
    section('local', [setting('auth', 'psk'), setting('id', d.vpsIpv6)]),
    section('remote', [setting('auth', 'psk'), setting('id', d.rtxFqdn ?? d.rtxIpv6)]),
    section('children', [
      section(d.peer.name, [
        setting('mode', 'tunnel'),
        setting('local_ts', vpsSelectorText(d)),
        setting('remote_ts', d.homeNetworks.map(formatNetwork).join(',')),
        setting('esp_proposals', proposals.esp),
        setting('rekey_time', `${tunnel.childLifetime}s`),
        setting('dpd_action', 'restart'),
        // An always-on site link: start now, and (from 5.9.6) install trap policies so traffic brings it back.
        setting('start_action', vpsInitiates ? (trapAndStart ? 'trap|start' : 'start') : 'none'),
        setting('close_action', vpsInitiates ? 'start' : 'none'),
      ]),
    ]),
  );
  return [
    section('connections', [section(d.peer.name, connection)]),
    section('secrets', [
      section(`ike-${d.peer.name}`, [setting('id-vps', d.vpsIpv6), setting('id-rtx', d.rtxFqdn ?? d.rtxIpv6), quotedSetting('secret', tunnel.psk)]),
    ]),
  ];
}
