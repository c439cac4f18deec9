import { gateOpen } from '../../caps/revision';
import { RTX_KEYWORDS } from '../../crypto/algorithms';
import { vpsFilterNumbers, type Deployment } from '../../derive/deployment';
import { formatInterface, formatNetwork } from '../../net/ipv4';
import { blank, command, comment, type RtxLine } from './rtxLines';
import { topologyDefaultRoute, topologyFilterLines, topologyRollbackLines, topologyRoutesWanted } from './topologyRoutes';
import { vpsSelectorText } from '../../derive/topology';

/** The four L2TP/IPsec classifiers of the seed's filter-type default route (rtx-commands.md §1.1, §1.2). */
function pppoeFilterLines(base: number): RtxLine[] {
  return [
    command(0, 'ip', 'filter', base, 'pass', '*', '*', 'udp', 500, '*'),
    command(0, 'ip', 'filter', base + 1, 'pass', '*', '*', 'esp'),
    command(0, 'ip', 'filter', base + 2, 'pass', '*', '*', 'udp', 4500, '*'),
    command(0, 'ip', 'filter', base + 3, 'pass', '*', '*', 'udp', 1701, '*'),
  ];
}

function filterRouteWanted(d: Deployment): boolean {
  return d.plan.home.pppoe.enabled && d.plan.home.ipv4Access.kind !== 'none';
}

/** `ipv6 filter` lines admitting the VPS on the WAN (§4.4; the seed's catch-all when asked for). */
function vpsFilterLines(d: Deployment): RtxLine[] {
  const [first, second] = vpsFilterNumbers(d.plan);
  if (first === undefined) return [];
  if (d.plan.home.filters.vpsScope === 'all-from-vps') {
    return [command(0, 'ipv6', 'filter', first!, 'pass', d.vpsIpv6, '*', '*', '*', '*')];
  }
  return [
    command(0, 'ipv6', 'filter', first!, 'pass', d.vpsIpv6, d.rtxIpv6, 'esp', '*', '*'),
    command(0, 'ipv6', 'filter', second!, 'pass', d.vpsIpv6, d.rtxIpv6, 'udp', '*', 500),
  ];
}

function secureFilterLines(d: Deployment): RtxLine[] {
  const { filters, wanInterface } = d.plan.home;
  const inbound = [...filters.inbound];
  for (const number of vpsFilterNumbers(d.plan)) if (!inbound.includes(number)) inbound.push(number);
  const lines = inbound.length > 0 ? [command(0, 'ipv6', wanInterface, 'secure', 'filter', 'in', ...inbound)] : [];
  if (filters.outbound.length > 0 || filters.outboundDynamic.length > 0) {
    const dynamic = filters.outboundDynamic.length > 0 ? ['dynamic', ...filters.outboundDynamic] : [];
    lines.push(command(0, 'ipv6', wanInterface, 'secure', 'filter', 'out', ...filters.outbound, ...dynamic));
  }
  return lines;
}

/**
 * Every `ipsec ike` line for the gateway, in the order `show config` prints them (§1.23), with
 * encryption, hash and group always explicit because the RTX defaults (3des-cbc, sha, modp1024)
 * would not match a current Linux peer (§1.11–1.13, linux-ipsec.md §5).
 */
function tunnelLines(d: Deployment): RtxLine[] {
  const { tunnel } = d.peer;
  const { crypto } = d;
  const g = tunnel.gatewayId;
  const firmware = d.plan.router.firmware;
  const ikev2 = crypto.ikeVersion === 2;
  const ike = (...words: (string | number)[]) => command(2, 'ipsec', 'ike', ...words);
  const lines: RtxLine[] = [
    command(0, 'tunnel', 'select', tunnel.tunnelId),
    command(1, 'description', 'tunnel', d.peer.description),
    command(1, 'ipsec', 'tunnel', tunnel.policyId),
    command(
      2,
      'ipsec',
      'sa',
      'policy',
      tunnel.policyId,
      g,
      'esp',
      RTX_KEYWORDS.espEncryption[crypto.espEncryption],
      RTX_KEYWORDS.espIntegrity[crypto.espIntegrity],
    ),
  ];
  if (ikev2) lines.push(ike('version', g, 2));
  lines.push(
    ike('duration', 'ipsec-sa', g, tunnel.childLifetime),
    ike('duration', 'isakmp-sa', g, tunnel.ikeLifetime),
    ike('encryption', g, RTX_KEYWORDS.ikeEncryption[crypto.ikeEncryption]),
    ike('group', g, crypto.dhGroup),
    ike('hash', g, RTX_KEYWORDS.ikeHash[crypto.ikeHash]),
    ike('keepalive', 'log', g, 'off'),
    // §3.1: a Linux peer speaks RFC 3706 DPD (IKEv1) or RFC 4306 liveness (IKEv2), never heartbeat.
    ike('keepalive', 'use', g, 'on', ikev2 ? 'rfc4306' : 'dpd', tunnel.dpd.rtxInterval, tunnel.dpd.rtxCount),
    ike('local', 'address', g, d.rtxIpv6),
  );
  if (ikev2) {
    // §2.2: IKEv2 identifies peers by name and type; the address as ID_IPV6_ADDR is what libreswan
    // and strongSwan send by default for a literal address (linux-ipsec.md §1.9).
    lines.push(ike('local', 'name', g, d.rtxIpv6, 'ipv6-addr'));
    if (gateOpen(d.router.messageIdControl, firmware)) lines.push(ike('message-id-control', g, 'on'));
    if (gateOpen(d.router.childExchangeType2, firmware)) lines.push(ike('child-exchange', 'type', g, 2));
  } else {
    // §3.8: without IDs the RTX sends none in quick mode; explicit subnet IDs match the Linux selectors.
    lines.push(ike('local', 'id', g, formatNetwork(d.homeNetworks[0]!)));
  }
  if (crypto.pfs) lines.push(ike('pfs', g, 'on'));
  if (ikev2 && gateOpen(d.router.proposalLimitation, firmware)) lines.push(ike('proposal-limitation', g, 'on'));
  lines.push(ike('pre-shared-key', g, 'text', tunnel.psk), ike('remote', 'address', g, d.vpsIpv6));
  if (ikev2) lines.push(ike('remote', 'name', g, d.vpsIpv6, 'ipv6-addr'));
  else lines.push(ike('remote', 'id', g, vpsSelectorText(d)));
  lines.push(command(1, 'ip', 'tunnel', 'tcp', 'mss', 'limit', 'auto'), command(1, 'tunnel', 'enable', tunnel.tunnelId));
  return lines;
}

function refreshLine(d: Deployment): RtxLine {
  // §1.22: the global switch must be on for the RTX to ever initiate; a VPS-only initiator turns
  // just this gateway off and leaves other tunnels alone.
  return !d.rtxInitiates ? command(0, 'ipsec', 'auto', 'refresh', d.peer.tunnel.gatewayId, 'off') : command(0, 'ipsec', 'auto', 'refresh', 'on');
}

/** The lines to add to the router, in `show config` order. */
export function buildRtxConfig(d: Deployment): RtxLine[] {
  const { plan, peer } = d;
  const lines: RtxLine[] = [
    comment(0, `${peer.name}: IPsec (IPv4 over IPv6) to ${d.vpsIpv6} - ${plan.router.model} Rev.${plan.router.firmware}`),
    comment(0, 'Add these lines to the existing configuration, then run: save'),
    blank,
  ];
  const access = plan.home.ipv4Access;
  if (topologyRoutesWanted(d)) {
    lines.push(...topologyDefaultRoute(d));
  } else if (filterRouteWanted(d)) {
    const base = plan.home.pppoe.filterBase;
    lines.push(
      comment(0, `IPv4 default via tunnel ${access.tunnelId} (${access.kind}); L2TP/IPsec replies via pp ${plan.home.pppoe.pp}`),
      command(
        0,
        'ip',
        'route',
        'default',
        'gateway',
        'tunnel',
        access.tunnelId,
        'gateway',
        'pp',
        plan.home.pppoe.pp,
        'filter',
        base,
        base + 1,
        base + 2,
        base + 3,
      ),
    );
  }
  lines.push(command(0, 'ip', 'route', formatNetwork(d.vpsNetwork), 'gateway', 'tunnel', peer.tunnel.tunnelId));
  for (const lan of d.lans) lines.push(command(0, 'ip', lan.interface, 'address', formatInterface(lan.address)));
  lines.push(...secureFilterLines(d), ...tunnelLines(d));
  if (filterRouteWanted(d)) lines.push(...pppoeFilterLines(plan.home.pppoe.filterBase));
  lines.push(...topologyFilterLines(d));
  lines.push(...vpsFilterLines(d), refreshLine(d));
  return lines;
}

/**
 * Undoes what `buildRtxConfig` added: every gateway setting as its `no` form (the command words up
 * to the gateway id), the tunnel emptied and disabled. The user's own lines (LAN addresses, the
 * global `ipsec auto refresh`) are left as they are.
 */
export function buildRtxRollback(d: Deployment): RtxLine[] {
  const { plan, peer } = d;
  const { tunnel } = peer;
  const gateway = String(tunnel.gatewayId);
  const ikeSettings = tunnelLines(d).flatMap((line) => {
    if (line.kind !== 'command' || line.words[0] !== 'ipsec' || line.words[1] !== 'ike') return [];
    const end = line.words.indexOf(gateway, 2);
    return [command(0, 'no', ...line.words.slice(0, end + 1))];
  });
  return [
    comment(0, `${peer.name}: remove the IPsec tunnel to ${d.vpsIpv6}, then run: save`),
    blank,
    command(0, 'tunnel', 'select', tunnel.tunnelId),
    command(1, 'no', 'ipsec', 'tunnel'),
    command(1, 'no', 'description'),
    command(1, 'no', 'ip', 'tunnel', 'tcp', 'mss', 'limit'),
    command(1, 'tunnel', 'disable', tunnel.tunnelId),
    command(0, 'tunnel', 'select', 'none'),
    command(0, 'no', 'ipsec', 'sa', 'policy', tunnel.policyId),
    ...ikeSettings,
    command(0, 'no', 'ip', 'route', formatNetwork(d.vpsNetwork)),
    ...(plan.home.filters.inbound.length > 0 ? [command(0, 'ipv6', plan.home.wanInterface, 'secure', 'filter', 'in', ...plan.home.filters.inbound)] : []),
    ...vpsFilterNumbers(plan).map((number) => command(0, 'no', 'ipv6', 'filter', number)),
    ...topologyRollbackLines(d),
  ];
}
