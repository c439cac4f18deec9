import type { Finding } from '../../findings';
import type { Deployment } from '../deployment';
import { addressCheck } from './addressChecks';
import { runChecks, type Check } from './check';
import { cryptoCheck } from './cryptoChecks';
import { hgwCheck } from './hgwChecks';
import { numbersCheck } from './numberChecks';
import { pskCheck } from './pskChecks';
import { routerCheck } from './routerChecks';
import { timersCheck } from './timerChecks';
import { topologyCheck } from './topologyChecks';

export { CHECK_CODES } from './codes';
export { peerPath, runChecks, type Check, type CheckCode, type Report } from './check';

/**
 * Cross-field and capability checks, in the order their findings are shown: everything the schema
 * alone cannot know. Errors name the reason so that an impossible combination yields an explanation
 * instead of a file that will not load. A new concern is a new entry here.
 */
export const CHECKS: readonly Check[] = [routerCheck, addressCheck, numbersCheck, cryptoCheck, timersCheck, pskCheck, hgwCheck, topologyCheck];

export function checkDeployment(deployment: Deployment): Finding[] {
  return runChecks(deployment, CHECKS);
}
