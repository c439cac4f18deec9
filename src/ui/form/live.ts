import { createContext, useContext, useMemo } from 'react';
import type { Finding, GeneratedFile, Plan } from '../../core/index';
import { useI18n } from '../i18n';
import { useEngine } from '../useEngine';
import type { SelectOption } from './fields';

/** The form's current values run through the core: the plan (when it parses), findings and files. */
export interface Live {
  readonly values: Plan;
  readonly plan?: Plan;
  readonly findings: readonly Finding[];
  readonly files: readonly GeneratedFile[];
}

export const LiveContext = createContext<Live | null>(null);

export function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive outside LiveContext');
  return live;
}

/** Select options for one field, with values the rest of the plan rules out disabled and explained. */
export function useAvailableOptions<T extends string | number>(path: string, values: readonly T[], label: (value: T) => string): SelectOption[] {
  const { plan } = useLive();
  const { pick } = useI18n();
  const engine = useEngine();
  const verdicts = useMemo(
    () => (plan && engine ? engine.optionAvailability(plan, path, values) : values.map((value) => ({ value, available: true }))),
    [engine, plan, path, values],
  );
  const current = plan ? String(path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], plan)) : undefined;
  return verdicts.map((verdict) => ({
    value: String(verdict.value),
    label: label(verdict.value),
    disabled: !verdict.available && String(verdict.value) !== current,
    reason: 'reason' in verdict && verdict.reason ? pick(verdict.reason) : undefined,
  }));
}
