/*
 * The generator core as the wizard uses it, loaded right after the first paint (dynamic import) so
 * that the page's initial JavaScript stays within budget: zod, ipaddr.js and every renderer live
 * in this chunk. The form is usable before it arrives; checks and preview follow within a moment.
 */
export { generate } from '../core/generate';
export { defaultPlan, parsePlan } from '../core/plan/parsePlan';
export { availabilityOf, optionAvailability } from '../core/optionAvailability';
export { aggregateNetworks, formatNetwork, networkOf, parseIpv4Interface } from '../core/net/ipv4';
export { importRtxConfig } from '../core/import/importRtx';
export { planFromImport } from '../core/import/planFromImport';
export { applyImport } from '../core/import/applyImport';
