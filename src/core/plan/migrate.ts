import { PLAN_SCHEMA_VERSION } from './schema';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Brings a plan written by an earlier version to the current schema before validation. Version 1
 * (one peer, literal home address) differs from version 2 only by fields version 2 adds with
 * defaults (`home.dns`, `peers[i].backup`) and by allowing more peers, so raising the number is the
 * whole migration; a later version adds its step here. Anything else is returned unchanged for the
 * schema to judge (an unknown version is refused there with the field path `schemaVersion`).
 */
export function migratePlan(input: unknown): unknown {
  if (!isRecord(input)) return input;
  if (input.schemaVersion === 1) return { ...input, schemaVersion: PLAN_SCHEMA_VERSION };
  return input;
}
