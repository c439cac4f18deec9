/** The generator core's public surface, shared by the wizard, the CLI and the tests. */
export type { Bundle, FileLanguage, FileSide, GeneratedFile } from './bundle/types';
export { ROUTERS, ROUTER_MODELS, type RouterCapabilities, type RouterModel } from './caps/routers';
export { STACKS, TARGETS, VPS_TARGETS, type StackId, type VpsTarget, type VpsTargetId } from './caps/targets';
export { DH_GROUPS, ENCRYPTIONS, HASHES, type CryptoSuite } from './crypto/algorithms';
export { PROFILES, PROFILE_IDS, profileMatching, type CryptoProfile, type ProfileId } from './crypto/profiles';
export { randomPsk } from './crypto/randomPsk';
export { aggregateNetworks, formatNetwork, networkOf, parseIpv4Interface } from './net/ipv4';
export { hasErrors, type Finding, type FindingCode, type FindingLevel } from './findings';
export { generate, generateFromPlan } from './generate';
export { optionAvailability, type OptionVerdict } from './optionAvailability';
export { defaultPlan, parsePlan, type PlanParseResult } from './plan/parsePlan';
export { planSchema, PLAN_SCHEMA_VERSION, type Peer, type Plan, type PlanInput } from './plan/schema';
export { both, type Bilingual, type Language } from './text/bilingual';
