import type { PlanInput } from '../plan/schema';
import frozenBase from './v1Base.json' with { type: 'json' };

/** A plan as schema version 1 wrote it; parsePlan migrates it (plan/migrate.ts). */
export type V1PlanInput = Omit<PlanInput, 'schemaVersion'> & { readonly schemaVersion: 1 };

/**
 * The plan every `#v1.` link is a difference from: the defaults as they were when v1 links were
 * first issued, frozen as data (v1Base.json) so that changing `defaultPlan()` later never changes
 * what an old link means. A new base needs a new prefix (`v2.`) and a migration, never an edit of
 * that file.
 */
export const V1_BASE: V1PlanInput = frozenBase as unknown as V1PlanInput;
