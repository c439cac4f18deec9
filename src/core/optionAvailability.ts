import { checkDeployment } from './derive/checks';
import { deriveDeployment } from './derive/deployment';
import { parsePlan } from './plan/parsePlan';
import type { Plan } from './plan/schema';
import type { Bilingual } from './text/bilingual';

export interface OptionVerdict<T> {
  readonly value: T;
  readonly available: boolean;
  /** Why the value cannot be chosen with the rest of the plan as it is. */
  readonly reason?: Bilingual;
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node: Record<string, unknown> = target;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}

/**
 * For each candidate value of one field, whether the whole plan would still be generatable and,
 * if not, the error the checks give for that very field (e.g. "libreswan 4.10 on Debian 12 has no
 * modp1024"). The UI disables such choices and shows the reason.
 */
export function optionAvailability<T>(plan: Plan, path: string, values: readonly T[]): OptionVerdict<T>[] {
  const segments = path.split('.');
  return values.map((value) => {
    const candidate = structuredClone(plan) as unknown as Record<string, unknown>;
    setAt(candidate, segments, value);
    const parsed = parsePlan(candidate);
    if (!parsed.ok) {
      const problem = parsed.findings.find((finding) => finding.path === path);
      return problem ? { value, available: false, reason: problem.message } : { value, available: true };
    }
    const problem = checkDeployment(deriveDeployment(parsed.plan)).find((finding) => finding.level === 'error' && finding.path === path);
    return problem ? { value, available: false, reason: problem.message } : { value, available: true };
  });
}
