import { REVISION_PATTERN } from '../caps/revision';
import { ROUTER_MODELS } from '../caps/routers';
import { FIELD_PATTERNS } from '../plan/fields';
import { isIpv6Text } from '../net/ipv6';
import { bi, type Bilingual } from '../text/bilingual';
import type { RtxFacts } from './extractFacts';
import { lowestFree } from './usedNumbers';

/** A plan field filled from the imported configuration: the form marks it, the review lists it. */
export interface ImportedField {
  readonly path: string;
  /** The configuration line it came from (0: the header or the text as a whole). */
  readonly line: number;
  readonly note: Bilingual;
}

export interface PlanFromImport {
  /** The base plan (JSON, as the form holds it) with the imported values and proposed numbers. */
  readonly plan: Record<string, unknown>;
  readonly fields: readonly ImportedField[];
}

type Json = Record<string, unknown>;
const object = (parent: Json, key: string): Json => {
  if (typeof parent[key] !== 'object' || parent[key] === null || Array.isArray(parent[key])) parent[key] = {};
  return parent[key] as Json;
};

/** Where the numbers we propose start: the defaults of the plan schema. */
const START = { tunnel: 1, gateway: 1, policy: 1, vpsFilter: 102000, pppoeFilter: 400000 } as const;

/**
 * Fills a plan from what the router's configuration says, and proposes for every number the plan
 * adds the lowest one that is free on the router (and not taken by an earlier peer). Values the
 * plan cannot hold (an interface name the wizard does not offer, an unknown model) are left as
 * they were. Pure: the base plan is not changed.
 */
export function planFromImport(facts: RtxFacts, base: unknown): PlanFromImport {
  const plan: Json = typeof base === 'object' && base !== null ? (structuredClone(base) as Json) : {};
  const fields: ImportedField[] = [];
  const set = (parent: Json, key: string, value: unknown, path: string, line: number, note: Bilingual) => {
    parent[key] = value;
    fields.push({ path, line, note });
  };
  const fromLine = (line: number) => bi(`ルーターの設定 ${line} 行目から`, `from line ${line} of the router's configuration`);
  const header = bi('show config の先頭行から', 'from the first line of show config');

  const router = object(plan, 'router');
  if (facts.model && (ROUTER_MODELS as readonly string[]).includes(facts.model)) set(router, 'model', facts.model, 'router.model', 0, header);
  if (facts.firmware && REVISION_PATTERN.test(facts.firmware)) set(router, 'firmware', facts.firmware, 'router.firmware', 0, header);

  const home = object(plan, 'home');
  if (facts.wanInterface && FIELD_PATTERNS.routerInterface.test(facts.wanInterface)) {
    set(
      home,
      'wanInterface',
      facts.wanInterface,
      'home.wanInterface',
      facts.secureFilter.inLine ?? 0,
      bi('WAN (NGN) 側の設定から', 'from the WAN (NGN) lines'),
    );
  }
  if (facts.wanIpv6 && isIpv6Text(facts.wanIpv6))
    set(home, 'wanIpv6', facts.wanIpv6, 'home.wanIpv6', 0, bi('WAN の IPv6 アドレスの行から', "from the WAN's IPv6 address line"));
  const lans = facts.lans.filter((lan) => FIELD_PATTERNS.routerInterface.test(lan.interface)).slice(0, 4);
  if (lans.length > 0) {
    set(
      home,
      'lans',
      lans.map((lan) => ({ interface: lan.interface, address: lan.address })),
      'home.lans',
      lans[0]!.line,
      bi(`ip ${lans.map((lan) => lan.interface).join(', ')} address の行から`, `from the ip ${lans.map((lan) => lan.interface).join(', ')} address lines`),
    );
  }

  const access = object(home, 'ipv4Access');
  const accessFact = facts.ipv4Access;
  const accessLine = accessFact.line ?? 0;
  if (accessFact.kind === 'ds-lite' || accessFact.kind === 'map-e') {
    set(access, 'kind', accessFact.kind, 'home.ipv4Access.kind', accessLine, fromLine(accessLine));
    set(access, 'tunnelId', accessFact.tunnel, 'home.ipv4Access.tunnelId', accessLine, fromLine(accessLine));
  } else if (accessFact.kind === 'pppoe' || accessFact.kind === 'none') {
    set(access, 'kind', 'none', 'home.ipv4Access.kind', accessLine, bi('IPv4 over IPv6 のトンネルがないため', 'no IPv4-over-IPv6 tunnel on the router'));
  } else if (accessFact.tunnel !== undefined) {
    set(access, 'tunnelId', accessFact.tunnel, 'home.ipv4Access.tunnelId', accessLine, fromLine(accessLine));
  }

  const pppoe = object(home, 'pppoe');
  const route = facts.pppoeFilterRoute;
  if (route) {
    set(pppoe, 'enabled', true, 'home.pppoe.enabled', route.line, fromLine(route.line));
    set(pppoe, 'pp', route.pp, 'home.pppoe.pp', route.line, fromLine(route.line));
    const consecutive = route.filters.length === 4 && route.filters.every((n, i) => n === route.filters[0]! + i);
    if (consecutive) set(pppoe, 'filterBase', route.filters[0], 'home.pppoe.filterBase', route.line, fromLine(route.line));
  } else {
    set(pppoe, 'enabled', false, 'home.pppoe.enabled', accessLine, bi('フィルタ型の既定経路がないため', 'no filter-type default route on the router'));
  }

  const filters = object(home, 'filters');
  const secure = facts.secureFilter;
  const inLine = secure.inLine ?? 0;
  set(
    filters,
    'inbound',
    [...secure.in],
    'home.filters.inbound',
    inLine,
    inLine ? fromLine(inLine) : bi('secure filter in の行がないため空', 'empty: no secure filter in line'),
  );
  if (secure.outLine !== undefined) {
    set(filters, 'outbound', [...secure.out], 'home.filters.outbound', secure.outLine, fromLine(secure.outLine));
    set(filters, 'outboundDynamic', [...secure.outDynamic], 'home.filters.outboundDynamic', secure.outLine, fromLine(secure.outLine));
  }
  const free = bi('ルーターで使われていない最小の番号', 'the lowest number not in use on the router');
  const vpsBase = lowestFree(facts.used.ipv6Filters, START.vpsFilter, 21474836, 2);
  if (vpsBase !== undefined) set(filters, 'vpsFilterBase', vpsBase, 'home.filters.vpsFilterBase', 0, free);

  // Numbers for every peer: free on the router and distinct between peers.
  const taken = { tunnels: new Map(facts.used.tunnels), ikeGateways: new Map(facts.used.ikeGateways), saPolicies: new Map(facts.used.saPolicies) };
  const peers = Array.isArray(plan.peers) && plan.peers.length > 0 ? (plan.peers as unknown[]) : [{}];
  plan.peers = peers.map((peerValue, index) => {
    const peer: Json = typeof peerValue === 'object' && peerValue !== null ? (peerValue as Json) : {};
    const tunnel = object(peer, 'tunnel');
    const pick = (kind: keyof typeof taken, start: number, key: string) => {
      const number = lowestFree(taken[kind], start, kind === 'saPolicies' ? 2147483647 : 3000);
      if (number === undefined) return;
      taken[kind].set(number, 0);
      set(tunnel, key, number, `peers.${index}.tunnel.${key}`, 0, free);
    };
    pick('tunnels', START.tunnel, 'tunnelId');
    pick('ikeGateways', START.gateway, 'gatewayId');
    pick('saPolicies', START.policy, 'policyId');
    return peer;
  });
  if (route && !route.filters.every((n, i) => n === route.filters[0]! + i)) {
    const base = lowestFree(facts.used.ipFilters, START.pppoeFilter, 21474836 - 3, 4);
    if (base !== undefined) set(pppoe, 'filterBase', base, 'home.pppoe.filterBase', 0, free);
  }
  return { plan, fields };
}
