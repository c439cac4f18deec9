import { migratePlan } from '../plan/migrate';
import { planSchema, type Plan } from '../plan/schema';
import { V1_BASE } from './v1Base';

/**
 * What a `#v1.` link is a difference from: the frozen v1 base, migrated to the current schema, with
 * the defaults of every field added since v1 filled in. A v1 link never carries those fields, so
 * laying it over this base gives exactly the v1 plan migrated; a plan that leaves them at their
 * defaults gives the same link as before they existed. Changing the default of such a field would
 * change what existing links mean: test/ui-core/shareBase.test.ts pins this object so that it
 * cannot happen unnoticed (a new base needs a new prefix).
 */
export const SHARE_BASE: Plan = planSchema.parse(migratePlan(V1_BASE));
