import type { Finding } from '../findings';
import type { Plan } from '../plan/schema';
import { checkDeployment } from './checks';
import { checkDynamicTunnel, checkHomeName } from './checks/dynamicHome';
import { checkPeerSet } from './checks/peerSet';
import { deriveDeployments, type Deployment } from './deployment';

/**
 * Every check of a schema-valid plan: each tunnel's own checks, the home's name, and what only the
 * set of peers can get wrong. Home-level findings come out of every tunnel's checks alike and are
 * kept once.
 */
export function checkPlan(plan: Plan): { readonly deployments: readonly Deployment[]; readonly findings: readonly Finding[] } {
  const deployments = deriveDeployments(plan);
  const all = [
    ...checkHomeName(deployments[0]!),
    ...checkPeerSet(deployments),
    ...deployments.flatMap((d) => [...checkDeployment(d), ...checkDynamicTunnel(d)]),
  ];
  const seen = new Set<string>();
  const findings = all.filter((finding) => {
    const key = `${finding.level}\u0000${finding.code}\u0000${finding.path}\u0000${finding.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { deployments, findings };
}
