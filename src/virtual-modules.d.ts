declare module 'virtual:default-plan' {
  /** The core's defaultPlan(), computed at build time (build/defaultPlanPlugin.ts). */
  const plan: import('./core/plan/schema').Plan;
  export default plan;
}
