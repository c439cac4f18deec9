import type { Plugin } from 'vite';
import { defaultPlan } from '../src/core/plan/parsePlan';

export const DEFAULT_PLAN_MODULE = 'virtual:default-plan';
const RESOLVED = `\0${DEFAULT_PLAN_MODULE}`;

/**
 * The core's defaultPlan() as a JSON module, computed when the page is built (and by the dev server
 * and vitest): the form renders with it before the core and zod have loaded, and there is no
 * hand-written copy to drift from the schema's defaults.
 */
export function defaultPlanPlugin(): Plugin {
  return {
    name: 'rtx-default-plan',
    resolveId: (id) => (id === DEFAULT_PLAN_MODULE ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export default ${JSON.stringify(defaultPlan())};` : undefined),
  };
}
