import type { PlanInput } from '../plan/schema';
import { V1_BASE } from './v1Base';

/**
 * What a `#v1.` link is a difference from, since plan schema version 2: the frozen v1 base with the
 * fields version 2 added, at the values migration gives a v1 plan (frozen here too). A v1 link
 * never carries those fields, so laying it over this base gives exactly the v1 plan migrated
 * (plan/migrate.ts); a link made now omits them while they keep these values. Editing this object
 * changes what existing links mean: a new base needs a new prefix instead.
 */
export const SHARE_BASE: PlanInput = {
  ...V1_BASE,
  schemaVersion: 2,
  home: { ...V1_BASE.home, dns: { kind: 'none', fqdn: '' } },
  peers: V1_BASE.peers!.map((peer) => ({ ...peer, backup: false })),
};
