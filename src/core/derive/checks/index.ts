import type { Finding } from '../../findings';
import type { Deployment } from '../deployment';
import { checkTopology } from '../checkTopology';
import { addressCheck } from './addressChecks';
import { peerPath, runChecks, type Check, type CheckCode } from './check';
import { cryptoCheck } from './cryptoChecks';
import { hgwCheck } from './hgwChecks';
import { numbersCheck } from './numberChecks';
import { pskCheck } from './pskChecks';
import { routerCheck } from './routerChecks';
import { timersCheck } from './timerChecks';

export { CHECK_CODES } from './codes';
export { peerPath, runChecks, type Check, type CheckCode, type Report } from './check';

/**
 * Cross-field and capability checks, in the order their findings are shown: everything the schema
 * alone cannot know. Errors name the reason so that an impossible combination yields an explanation
 * instead of a file that will not load. A new concern is a new entry here.
 */
/** Single-NIC VPS, port forwards and egress through the VPS (issue 11). */
const topologyCheck: Check = {
  name: 'topology',
  run: (d, report) => checkTopology(d, peerPath(d, '').slice(0, -1)).forEach((f) => report(f.level, f.code as CheckCode, f.path, f.message)),
};

export const CHECKS: readonly Check[] = [routerCheck, addressCheck, numbersCheck, cryptoCheck, timersCheck, pskCheck, hgwCheck, topologyCheck];

export function checkDeployment(deployment: Deployment): Finding[] {
  return runChecks(deployment, CHECKS);
}
