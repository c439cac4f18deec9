import { ROUTERS } from './caps/routers';
import { TARGETS } from './caps/targets';
import { checkPlan } from './derive/checkPlan';
import { checkDeployment } from './derive/checks';
import { deriveDeployment, stackOf, type Deployment } from './derive/deployment';
import type { Finding } from './findings';
import { parsePlan } from './plan/parsePlan';
import type { Plan } from './plan/schema';
import type { Bilingual } from './text/bilingual';

export interface OptionVerdict<T> {
  readonly value: T;
  readonly available: boolean;
  /** Why the value cannot be chosen with the rest of the plan as it is. */
  readonly reason?: Bilingual;
}

/** What-if questions about one plan, answered from its one derivation. */
export interface Availability {
  /**
   * For each candidate value of one field, whether the plan would still be generatable and, if not,
   * the error the checks give for that very field (e.g. "libreswan 4.10 on Debian 12 has no modp1024").
   * The UI disables such choices and shows the reason.
   */
  options<T>(path: string, values: readonly T[]): OptionVerdict<T>[];
  /** The first error at or under `errorPath` if the fields in `patch` (path → value) took those values. */
  errorWith(patch: Readonly<Record<string, unknown>>, errorPath: string): Bilingual | undefined;
}

/** A copy of `target` with `value` at `path`, sharing every object off that path. */
function withValue(target: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string, ...string[]];
  if (Array.isArray(target)) {
    const copy = [...target];
    copy[Number(key)] = withValue(copy[Number(key)], rest, value);
    return copy;
  }
  const record = (target ?? {}) as Record<string, unknown>;
  return { ...record, [key]: withValue(record[key], rest, value) };
}

/*
 * Fields whose value changes nothing the derivation computes from addresses or from other peers:
 * the candidate's deployment is the current one with the plan, the peer and the capability lookups
 * replaced, so a candidate costs only the checks. Any other field goes through the schema (which
 * also fills what a new choice brings, e.g. another IPv4 access kind's defaults) and a derivation.
 */
const SHALLOW = /^(?:router\.model|home\.wanInterface|peers\.0\.vps\.target|peers\.0\.tunnel\.crypto\.\w+)$/;

function revised(d: Deployment, plan: Plan): Deployment {
  const peer = plan.peers[0]!;
  return { ...d, plan, peer, router: ROUTERS[plan.router.model], target: TARGETS[peer.vps.target], stack: stackOf(peer), crypto: peer.tunnel.crypto };
}

/** The findings of the plan with `patch` applied: errors of the schema, or of the checks. */
function findingsWith(d: Deployment, patch: Readonly<Record<string, unknown>>): readonly Finding[] {
  let candidate: unknown = d.plan;
  for (const [path, value] of Object.entries(patch)) candidate = withValue(candidate, path.split('.'), value);
  if (Object.keys(patch).every((path) => SHALLOW.test(path))) {
    try {
      return checkDeployment(revised(d, candidate as Plan));
    } catch {
      // A value the checks cannot even read: let the schema say what is wrong with it.
    }
  }
  const parsed = parsePlan(candidate);
  return parsed.ok ? checkPlan(parsed.plan).findings : parsed.findings;
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`);

export function availabilityFor(deployment: Deployment): Availability {
  return {
    options: (path, values) =>
      values.map((value) => {
        const problem = findingsWith(deployment, { [path]: value }).find((finding) => finding.level === 'error' && finding.path === path);
        return problem ? { value, available: false, reason: problem.message } : { value, available: true };
      }),
    errorWith: (patch, errorPath) => findingsWith(deployment, patch).find((finding) => finding.level === 'error' && under(finding.path, errorPath))?.message,
  };
}

const derived = new WeakMap<Plan, Availability>();

/** `availabilityFor` a parsed plan, derived once per plan object however many fields ask. */
export function availabilityOf(plan: Plan): Availability {
  let answers = derived.get(plan);
  if (!answers) {
    answers = availabilityFor(deriveDeployment(plan));
    derived.set(plan, answers);
  }
  return answers;
}

/** One field's candidates against a parsed plan (see `Availability.options`). */
export function optionAvailability<T>(plan: Plan, path: string, values: readonly T[]): OptionVerdict<T>[] {
  return availabilityOf(plan).options(path, values);
}
