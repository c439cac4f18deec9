import type { ShellCode } from './sh/shellCode';
import { quoted, sh } from './sh/shellCode';

/**
 * Enabling EPEL before strongSwan is installed from it (issue 9, defect 5). EPEL's own instructions
 * (docs.fedoraproject.org/en-US/epel/, as quoted in AlmaLinux/wiki#232): on RHEL enable CodeReady
 * Builder with subscription-manager and install epel-release-latest-N.noarch.rpm; on the rebuilds
 * (Rocky, Alma, CentOS Stream) enable CRB (`powertools` on 8) and install the `epel-release`
 * package from their own extras. CentOS 7 ships `epel-release` in its extras repository.
 * Skipped when epel-release is already installed, so apply.sh can run again.
 */
export function enableEpel(epel: 7 | 8 | 9 | 10): ShellCode[] {
  if (epel === 7) return [sh`rpm -q epel-release >/dev/null 2>&1 || yum install -y epel-release`];
  const crb = epel === 8 ? 'powertools' : 'crb';
  const rpm = `https://dl.fedoraproject.org/pub/epel/epel-release-latest-${epel}.noarch.rpm`;
  return [
    sh`if rpm -q epel-release >/dev/null 2>&1; then true`,
    sh`elif grep -q ${quoted(String.raw`^ID="\?rhel"\?$`)} /etc/os-release; then subscription-manager repos --enable "codeready-builder-for-rhel-${epel}-$(arch)-rpms" && dnf install -y ${rpm}`,
    sh`else dnf config-manager --set-enabled ${crb} && dnf install -y epel-release; fi`,
  ];
}
