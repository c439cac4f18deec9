import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, Resolver } from 'react-hook-form';
import type { Finding, Plan } from '../../core/index';
import { loadEngine } from '../useEngine';
import { freshDefaults } from './defaults';

export const STEP_IDS = ['router', 'wan', 'lan', 'vps', 'tunnel', 'review'] as const;
export type StepId = (typeof STEP_IDS)[number];

/** Which step owns a finding's path; the first matching prefix wins. */
const STEP_OF_PREFIX: readonly (readonly [string, StepId])[] = [
  ['router', 'router'],
  ['home.lans', 'lan'],
  ['hgw', 'lan'],
  ['home', 'wan'],
  ['peers.0.vps', 'vps'],
  ['peers.0.portForwards', 'vps'],
  ['peers.0.forwardReturn', 'vps'],
  ['peers.0.egress', 'vps'],
  ['peers.0.routeFilterBase', 'vps'],
  ['peers.0.tunnel', 'tunnel'],
  ['peers.0.name', 'tunnel'],
  ['peers.0.description', 'tunnel'],
];

export function stepOf(path: string): StepId {
  const hit = STEP_OF_PREFIX.find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`));
  return hit ? hit[1] : 'review';
}

/** The DOM id of the control for a plan path (`home.wanIpv6` → `f-home-wanIpv6`). */
export const fieldId = (path: string): string => `f-${path.replace(/\./g, '-')}`;

export const errorsOfStep = (findings: readonly Finding[], step: StepId): Finding[] =>
  findings.filter((finding) => finding.level === 'error' && stepOf(finding.path) === step);

/**
 * react-hook-form resolver over the core's own validation (`parsePlan`, i.e. the zod/mini schema)
 * so that every message is the core's bilingual one: `message` is the English text, `types` holds both.
 */
export const planResolver: Resolver<Plan> = async (values, _context, options) => {
  const { parsePlan } = await loadEngine();
  const parsed = parsePlan(values);
  if (parsed.ok) return { values: parsed.plan, errors: {} };
  const flat: Record<string, FieldError> = {};
  for (const finding of parsed.findings) {
    if (flat[finding.path]) continue;
    flat[finding.path] = { type: finding.code, message: finding.message.en, types: { ja: finding.message.ja, en: finding.message.en } };
  }
  return { values: {}, errors: toNestErrors(flat, options) };
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function overlay(base: unknown, top: unknown): unknown {
  if (isRecord(base) && isRecord(top)) {
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(top)) if (key in base || key === 'stack') out[key] = overlay(base[key], value);
    return out;
  }
  if (Array.isArray(base)) {
    if (!Array.isArray(top)) return base;
    // Peers keep their defaults per element; other lists are taken as they are.
    return base.length > 0 && isRecord(base[0]) && 'tunnel' in base[0] ? top.map((element) => overlay(base[0], element)) : top;
  }
  if (top === null && typeof base === 'number') return Number.NaN;
  return typeof top === typeof base || base === undefined ? top : base;
}

/**
 * Form values from anything stored (a draft, possibly with a field still invalid), without the core:
 * the stored values laid over the defaults, so that the form keeps its shape and the checks show any
 * problem where it is. A complete plan comes out unchanged.
 */
export function formValuesFrom(raw: unknown): Plan {
  return overlay(freshDefaults(), raw) as Plan;
}
