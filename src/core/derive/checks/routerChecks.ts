import { describeGate, gateOpen, revisionSeries, type RevisionGate } from '../../caps/revision';
import { bi } from '../../text/bilingual';
import type { Deployment } from '../deployment';
import type { Check, Report } from './check';

function checkRouter(d: Deployment, report: Report) {
  const { plan, router } = d;
  if (!router.firmwareSeries.includes(revisionSeries(plan.router.firmware))) {
    report(
      'error',
      'router.firmware.series',
      'router.firmware',
      bi(
        `${router.model} のファームウェアは Rev.${router.firmwareSeries.join('/')}.xx です。`,
        `${router.model} runs firmware Rev.${router.firmwareSeries.join('/')}.xx.`,
      ),
    );
  }
  if (!router.wanInterfaces.includes(plan.home.wanInterface)) {
    report(
      'error',
      'router.wanInterface',
      'home.wanInterface',
      bi(
        `${router.model} の WAN 側インターフェースは ${router.wanInterfaces.join(', ')} です。`,
        `The WAN interface of ${router.model} is one of ${router.wanInterfaces.join(', ')}.`,
      ),
    );
  }
  const seen = new Set<string>();
  plan.home.lans.forEach((lan, index) => {
    if (!router.lanInterfaces.includes(lan.interface) && !router.wanInterfaces.includes(lan.interface)) {
      report(
        'error',
        'router.lanInterface',
        `home.lans.${index}.interface`,
        bi(`${router.model} に ${lan.interface} はありません。`, `${router.model} has no interface ${lan.interface}.`),
      );
    }
    if (seen.has(lan.interface)) {
      report(
        'error',
        'lans.duplicateInterface',
        `home.lans.${index}.interface`,
        bi('同じインターフェースが 2 回あります。', 'The same interface appears twice.'),
      );
    }
    seen.add(lan.interface);
  });
  const access = plan.home.ipv4Access;
  if (access.kind === 'map-e') requireGate(report, d, router.mapE, 'home.ipv4Access.kind', 'MAP-E (tunnel encapsulation map-e)');
}

function requireGate(report: Report, d: Deployment, gate: boolean | RevisionGate, path: string, feature: string) {
  if (gateOpen(gate, d.plan.router.firmware)) return;
  const when = typeof gate === 'boolean' ? '' : describeGate(gate);
  report(
    'error',
    'router.feature',
    path,
    when
      ? bi(`${d.router.model} の ${feature} は ${when} が必要です。`, `${feature} on ${d.router.model} needs ${when}.`)
      : bi(`${d.router.model} は ${feature} に対応していません。`, `${d.router.model} does not support ${feature}.`),
  );
}

/** Router model, firmware and interfaces, and firmware-gated features of the home side. */
export const routerCheck: Check = { name: 'router', run: checkRouter };
