import type { Plan } from '../../core/index';
import generatedDefaultPlan from 'virtual:default-plan';

/**
 * The core's defaultPlan(), computed at build time (build/defaultPlanPlugin.ts) so that the form can
 * render before the core (and zod) has loaded.
 */
export const DEFAULT_PLAN: Plan = generatedDefaultPlan;

export const freshDefaults = (): Plan => structuredClone(DEFAULT_PLAN);
