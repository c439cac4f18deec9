import { ROUTERS } from '../caps/routers';
import { MAX_PEERS } from '../plan/limits';
import type { Plan } from '../plan/schema';

/**
 * How many peers (tunnels) this plan's router can take: its tunnel interfaces (which also bound the
 * security-gateway ids, CR ch.15 intro / §14.3), less the one the DS-Lite or MAP-E tunnel already
 * occupies, and never more than MAX_PEERS. RTX830: 19 → 16; NVR510: 4 − 1 = 3.
 */
export function peerLimit(plan: Pick<Plan, 'router' | 'home'>): number {
  const used = plan.home.ipv4Access.kind === 'none' ? 0 : 1;
  return Math.max(1, Math.min(MAX_PEERS, ROUTERS[plan.router.model].maxTunnels - used));
}
