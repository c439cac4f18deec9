import type { Deployment } from '../../derive/deployment';
import { portText, routeFilterCount, topologyOf } from '../../derive/topology';
import { formatNetwork } from '../../net/ipv4';
import { command, comment, type RtxLine } from './rtxLines';

/*
 * The RTX side of issue 11: filter-type routing (rtx-commands.md §1.1, §1.2) that sends chosen IPv4
 * traffic into the IPsec tunnel instead of the DS-Lite/MAP-E/PPPoE default, as the seed does for its
 * L2TP/IPsec replies over pp 1:
 *  - with forwards that keep the client's address, each home server's replies from the forwarded
 *    port (source address + source port) go back into the tunnel;
 *  - with egress through the VPS, everything from the chosen sources does.
 * A gateway with `filter` is tried in the written order; a packet matching none of them takes the
 * gateway without `filter` (the existing Internet access).
 */

export const topologyRoutesWanted = (d: Deployment): boolean => routeFilterCount(d) > 0;

interface RouteFilter {
  readonly number: number;
  readonly words: readonly (string | number)[];
}

function routeFilters(d: Deployment): RouteFilter[] {
  const topology = topologyOf(d);
  const filters: (readonly (string | number)[])[] = [];
  if (topology.returnPath === 'client-address') {
    // §1.2: `ip filter N pass SRC DST PROTO SRC_PORT DST_PORT`; the replies leave from the server's port.
    for (const forward of topology.forwards) filters.push([forward.hostText, '*', forward.protocol, portText(forward.hostFrom, forward.hostTo), '*']);
  }
  for (const source of topology.egressSources) filters.push([source.prefix === 32 ? formatNetwork(source).split('/')[0]! : formatNetwork(source), '*']);
  return filters.map((words, index) => ({ number: d.peer.routeFilterBase + index, words }));
}

/** The gateway the default route had before this tunnel: the IPv4 access, else the PPPoE session, else none. */
function existingDefault(d: Deployment): (string | number)[] | undefined {
  const { ipv4Access, pppoe } = d.plan.home;
  if (ipv4Access.kind !== 'none') return ['tunnel', ipv4Access.tunnelId];
  if (pppoe.enabled) return ['pp', pppoe.pp];
  return undefined;
}

/** The seed's L2TP/IPsec replies over pp: kept, and tried before ours. */
function pppoeGateway(d: Deployment): (string | number)[] {
  const { ipv4Access, pppoe } = d.plan.home;
  if (!pppoe.enabled || ipv4Access.kind === 'none') return [];
  const base = pppoe.filterBase;
  return ['gateway', 'pp', pppoe.pp, 'filter', base, base + 1, base + 2, base + 3];
}

/** `ip route default …` with this tunnel's filtered gateway added; replaces the existing default route line. */
export function topologyDefaultRoute(d: Deployment): RtxLine[] {
  const topology = topologyOf(d);
  const filters = routeFilters(d);
  const base = existingDefault(d);
  // `hide`: use the gateway only while the tunnel is up (§1.1), so the sources fall back to the
  // home's own access; without it their packets are dropped while the tunnel is down.
  const hide = topology.egressSources.length > 0 && topology.egressWhenDown === 'fallback' && base !== undefined;
  const ours = ['gateway', 'tunnel', d.peer.tunnel.tunnelId, 'filter', ...filters.map((filter) => filter.number), ...(hide ? ['hide'] : [])];
  const what = [
    ...(topology.returnPath === 'client-address' && topology.forwards.length > 0 ? ['replies of the forwarded servers'] : []),
    ...(topology.egressSources.length > 0 ? [`egress of ${topology.egressSources.map(formatNetwork).join(' ')}`] : []),
  ];
  return [
    comment(0, `IPv4 default: ${what.join(' and ')} via tunnel ${d.peer.tunnel.tunnelId} (the VPS)${hide ? ', back to the home access while it is down' : ''}`),
    command(0, 'ip', 'route', 'default', ...(base ? ['gateway', ...base] : []), ...pppoeGateway(d), ...ours),
  ];
}

export function topologyFilterLines(d: Deployment): RtxLine[] {
  return routeFilters(d).map((filter) => command(0, 'ip', 'filter', filter.number, 'pass', ...filter.words));
}

/** Rollback: the default route as it was, and our filters removed. */
export function topologyRollbackLines(d: Deployment): RtxLine[] {
  if (!topologyRoutesWanted(d)) return [];
  const base = existingDefault(d);
  const pp = pppoeGateway(d);
  const restore = base ? [command(0, 'ip', 'route', 'default', 'gateway', ...base, ...pp)] : [command(0, 'no', 'ip', 'route', 'default')];
  return [...restore, ...routeFilters(d).map((filter) => command(0, 'no', 'ip', 'filter', filter.number))];
}
