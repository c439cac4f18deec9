import type { Finding } from '../findings';
import { fieldMessage } from './fieldMessages';
import { migratePlan } from './migrate';
import { planSchema, type Plan } from './schema';

export type PlanParseResult = { readonly ok: true; readonly plan: Plan } | { readonly ok: false; readonly findings: readonly Finding[] };

/**
 * Validates anything (a parsed JSON file, a decoded share link, form state) into a plan, migrating
 * plans saved by an earlier version first. Never throws.
 */
export function parsePlan(input: unknown): PlanParseResult {
  const result = planSchema.safeParse(migratePlan(input));
  if (result.success) return { ok: true, plan: result.data };
  const findings = result.error.issues.map((issue): Finding => ({
    level: 'error',
    code: `field.${issue.message.split(':')[0]}`,
    path: issue.path.map(String).join('.'),
    message: fieldMessage(issue.message),
  }));
  return { ok: false, findings };
}

export function defaultPlan(): Plan {
  return planSchema.parse({});
}
