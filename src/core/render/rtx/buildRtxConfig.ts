import { gateOpen } from '../../caps/revision';
import { RTX_KEYWORDS } from '../../crypto/algorithms';
import type { Deployment } from '../../derive/deployment';
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

/**
 * `ipv6 filter` lines admitting the VPS on the WAN (§4.4; the seed's catch-all when asked for).
 * With a home named by DNS the destination is `*`: the RTX's own address changes with the prefix,
 * and the source (the VPS) is what the filter is about (CR §8.1.10 forms, `*` = any address).
 */
function vpsFilterLines(d: Deployment): RtxLine[] {
  const [first, second] = d.vpsFilters;
  if (first === undefined) return [];
  if (d.plan.home.filters.vpsScope === 'all-from-vps') {
    return [command(0, 'ipv6', 'filter', first!, 'pass', d.vpsIpv6, '*', '*', '*', '*')];
  }
  const self = d.rtxFqdn === undefined ? d.rtxIpv6 : '*';
  return [
    command(0, 'ipv6', 'filter', first!, 'pass', d.vpsIpv6, self, 'esp', '*', '*'),
    command(0, 'ipv6', 'filter', second!, 'pass', d.vpsIpv6, self, 'udp', '*', 500),
  ];
}

function secureFilterLines(ds: readonly Deployment[]): RtxLine[] {
  const { filters, wanInterface } = ds[0]!.plan.home;
  const inbound = [...filters.inbound];
  for (const number of ds.flatMap((d) => d.vpsFilters)) if (!inbound.includes(number)) inbound.push(number);
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
  );
  // §1.16 (CR §15.18): without `local address` the RTX uses the address of the interface towards
  // the peer, which is what a home named by DNS needs when its prefix changes.
  if (d.rtxFqdn === undefined) lines.push(ike('local', 'address', g, d.rtxIpv6));
  if (ikev2) {
    // §2.2: IKEv2 identifies peers by name and type; the address as ID_IPV6_ADDR is what libreswan
    // and strongSwan send by default for a literal address (linux-ipsec.md §1.9). A home named by
    // DNS sends that name as ID_FQDN (CR §15.17 type `fqdn`) and the VPS matches it (issue 12).
    lines.push(d.rtxFqdn === undefined ? ike('local', 'name', g, d.rtxIpv6, 'ipv6-addr') : ike('local', 'name', g, d.rtxFqdn, 'fqdn'));
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

function refreshLines(ds: readonly Deployment[]): RtxLine[] {
  // §1.22: the global switch must be on for the RTX to ever initiate; a VPS-only initiator turns
  // just its gateway off and leaves other tunnels alone.
  const lines = ds.some((d) => d.rtxInitiates) ? [command(0, 'ipsec', 'auto', 'refresh', 'on')] : [];
  for (const d of ds) if (!d.rtxInitiates) lines.push(command(0, 'ipsec', 'auto', 'refresh', d.peer.tunnel.gatewayId, 'off'));
  return lines;
}

/**
 * One route per VPS network. A primary with backups (same network, `backup` ticked) becomes one
 * route with several gateways (CR §8.1.7, rtx-commands.md §1.1): the primary's tunnel with `hide`
 * (used only while that tunnel is up, which the IKE keepalive decides), each backup with `weight 0`
 * (standby, used only when no other gateway is usable). The backups carry no `hide`: with every
 * tunnel down the route still points into a tunnel, so home traffic for the VPS network is dropped
 * instead of leaving in clear text by the default route.
 */
function routeLines(ds: readonly Deployment[]): RtxLine[] {
  const lines: RtxLine[] = [];
  for (const d of ds) {
    if (d.failover.kind === 'backup') continue;
    const words: (string | number)[] = ['ip', 'route', formatNetwork(d.vpsNetwork), 'gateway', 'tunnel', d.peer.tunnel.tunnelId];
    if (d.failover.kind === 'primary') {
      words.push('hide');
      for (const index of d.failover.backups) words.push('gateway', 'tunnel', ds[index]!.peer.tunnel.tunnelId, 'weight', 0);
    }
    lines.push(command(0, ...words));
  }
  return lines;
}

/**
 * NetVolante DNS keeps the home's name on its current WAN IPv6 address (CR ch.34): §34.6 `hostname
 * host <if> <host> ipv6 address` registers the interface's IPv6 address under the host label (the
 * server adds `.<subdomain>.netvolante.jp`), §34.1 `use <if> auto` re-registers whenever the address
 * changes. Registration itself is the operation `netvolante-dns go <if>` (§34.2), run once by hand.
 * UNVERIFIED: that `ipv6 address` without an explicit address takes the interface's own global
 * address (§34.6 shows the argument as optional without saying what is used instead).
 */
function netvolanteLines(d: Deployment): RtxLine[] {
  const { dns, wanInterface } = d.plan.home;
  if (dns.kind !== 'netvolante' || d.rtxFqdn === undefined) return [];
  const host = d.rtxFqdn.split('.')[0]!;
  return [command(0, 'netvolante-dns', 'use', wanInterface, 'auto'), command(0, 'netvolante-dns', 'hostname', 'host', wanInterface, host, 'ipv6', 'address')];
}

function headerLines(ds: readonly Deployment[]): RtxLine[] {
  const { plan } = ds[0]!;
  const lines =
    ds.length === 1
      ? [comment(0, `${ds[0]!.peer.name}: IPsec (IPv4 over IPv6) to ${ds[0]!.vpsIpv6} - ${plan.router.model} Rev.${plan.router.firmware}`)]
      : [
          comment(0, `IPsec (IPv4 over IPv6) to ${ds.length} VPSes - ${plan.router.model} Rev.${plan.router.firmware}`),
          ...ds.map((d) =>
            comment(
              0,
              `  tunnel ${d.peer.tunnel.tunnelId}: ${d.peer.name} ${d.vpsIpv6}${d.failover.kind === 'backup' ? ` (backup of tunnel ${ds[d.failover.primary]!.peer.tunnel.tunnelId})` : ''}`,
            ),
          ),
        ];
  lines.push(comment(0, 'Add these lines to the existing configuration, then run: save'));
  if (plan.home.dns.kind === 'netvolante') {
    lines.push(comment(0, `Then register the name once: netvolante-dns go ${plan.home.wanInterface}`));
  } else if (plan.home.dns.kind === 'ddns') {
    lines.push(comment(0, `Keep ${ds[0]!.rtxFqdn} pointing at this router's WAN IPv6 address with your DDNS updater.`));
  }
  lines.push(blank);
  return lines;
}

/**
 * The lines to add to the router for every tunnel of the plan (all from this one home), in `show
 * config` order. Each tunnel's own numbers (tunnel, gateway, policy, filters) come from its peer.
 */
export function buildRtxConfig(input: Deployment | readonly Deployment[]): RtxLine[] {
  const ds: readonly Deployment[] = Array.isArray(input) ? input : [input as Deployment];
  const d = ds[0]!;
  const { plan } = d;
  const lines: RtxLine[] = headerLines(ds);
  const access = plan.home.ipv4Access;
  // At most one tunnel carries the home's default route (checks/peerSet.ts), so its filter-type route is the only one.
  const routed = ds.find(topologyRoutesWanted);
  if (routed) {
    lines.push(...topologyDefaultRoute(routed));
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
  lines.push(...routeLines(ds));
  for (const lan of d.lans) lines.push(command(0, 'ip', lan.interface, 'address', formatInterface(lan.address)));
  lines.push(...secureFilterLines(ds), ...netvolanteLines(d), ...ds.flatMap(tunnelLines));
  if (filterRouteWanted(d)) lines.push(...pppoeFilterLines(plan.home.pppoe.filterBase));
  lines.push(...ds.flatMap(topologyFilterLines));
  lines.push(...ds.flatMap(vpsFilterLines), ...refreshLines(ds));
  return lines;
}

/**
 * Undoes what `buildRtxConfig` added: every gateway setting as its `no` form (the command words up
 * to the gateway id), the tunnel emptied and disabled. The user's own lines (LAN addresses, the
 * global `ipsec auto refresh`) are left as they are.
 */
function tunnelRollback(d: Deployment): RtxLine[] {
  const { tunnel } = d.peer;
  const gateway = String(tunnel.gatewayId);
  const ikeSettings = tunnelLines(d).flatMap((line) => {
    if (line.kind !== 'command' || line.words[0] !== 'ipsec' || line.words[1] !== 'ike') return [];
    const end = line.words.indexOf(gateway, 2);
    return [command(0, 'no', ...line.words.slice(0, end + 1))];
  });
  return [
    command(0, 'tunnel', 'select', tunnel.tunnelId),
    command(1, 'no', 'ipsec', 'tunnel'),
    command(1, 'no', 'description'),
    command(1, 'no', 'ip', 'tunnel', 'tcp', 'mss', 'limit'),
    command(1, 'tunnel', 'disable', tunnel.tunnelId),
    command(0, 'tunnel', 'select', 'none'),
    command(0, 'no', 'ipsec', 'sa', 'policy', tunnel.policyId),
    ...ikeSettings,
  ];
}

/** Undoes `buildRtxConfig` for every tunnel of the plan. */
export function buildRtxRollback(input: Deployment | readonly Deployment[]): RtxLine[] {
  const ds: readonly Deployment[] = Array.isArray(input) ? input : [input as Deployment];
  const { plan } = ds[0]!;
  const header =
    ds.length === 1
      ? comment(0, `${ds[0]!.peer.name}: remove the IPsec tunnel to ${ds[0]!.vpsIpv6}, then run: save`)
      : comment(0, `Remove the IPsec tunnels to ${ds.length} VPSes, then run: save`);
  const dns = plan.home.dns.kind === 'netvolante' ? [command(0, 'no', 'netvolante-dns', 'hostname', 'host', plan.home.wanInterface)] : [];
  return [
    header,
    blank,
    ...ds.flatMap(tunnelRollback),
    ...ds.flatMap((d) => (d.failover.kind === 'backup' ? [] : [command(0, 'no', 'ip', 'route', formatNetwork(d.vpsNetwork))])),
    ...(plan.home.filters.inbound.length > 0 ? [command(0, 'ipv6', plan.home.wanInterface, 'secure', 'filter', 'in', ...plan.home.filters.inbound)] : []),
    ...ds.flatMap((d) => d.vpsFilters.map((number) => command(0, 'no', 'ipv6', 'filter', number))),
    ...ds.flatMap(topologyRollbackLines),
    ...dns,
  ];
}
