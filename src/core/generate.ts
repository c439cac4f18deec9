import type { Bundle, GeneratedFile } from './bundle/types';
import { checkDeployment } from './derive/checks';
import { deriveDeployment, type Deployment } from './derive/deployment';
import { hasErrors, type Finding } from './findings';
import { parsePlan } from './plan/parsePlan';
import type { Plan } from './plan/schema';
import { renderBundleReadme } from './render/docs/bundleReadme';
import { renderHgwInstructions } from './render/docs/hgwInstructions';
import { renderTopologySvg } from './render/docs/topologySvg';
import { buildRtxConfig, buildRtxRollback } from './render/rtx/buildRtxConfig';
import { serializeRtx } from './render/rtx/rtxLines';
import { buildVpsScripts } from './render/system/vpsScripts';
import { bi } from './text/bilingual';

function routerFiles(d: Deployment): GeneratedFile[] {
  return [
    {
      path: 'router/rtx-config.txt',
      content: serializeRtx(buildRtxConfig(d)),
      language: 'rtx',
      side: 'router',
      title: bi(`${d.plan.router.model} に追加するコマンド`, `Commands to add to the ${d.plan.router.model}`),
    },
    {
      path: 'router/rollback.txt',
      content: serializeRtx(buildRtxRollback(d)),
      language: 'rtx',
      side: 'router',
      title: bi('RTX の切り戻しコマンド', 'RTX rollback commands'),
    },
  ];
}

function hgwFiles(d: Deployment): GeneratedFile[] {
  if (!d.plan.hgw.enabled) return [];
  return [
    {
      path: 'hgw/README.md',
      content: renderHgwInstructions(d),
      language: 'markdown',
      side: 'hgw',
      title: bi('ホームゲートウェイの設定手順', 'Home gateway steps'),
    },
  ];
}

/** Plan → both sides' files. Pure and deterministic: the same plan gives byte-identical files. */
export function generateFromPlan(plan: Plan): Bundle {
  const deployment = deriveDeployment(plan);
  const findings = checkDeployment(deployment);
  if (hasErrors(findings)) return { plan, files: [], findings };
  const topology: GeneratedFile = {
    path: 'docs/topology.svg',
    content: renderTopologySvg(deployment),
    language: 'svg',
    side: 'docs',
    title: bi('構成図', 'Topology diagram'),
  };
  const files = [...routerFiles(deployment), ...buildVpsScripts(deployment), ...hgwFiles(deployment), topology];
  const readme: GeneratedFile = {
    path: 'README.md',
    content: renderBundleReadme(deployment, files, findings),
    language: 'markdown',
    side: 'docs',
    title: bi('手順書', 'Instructions'),
  };
  return { plan, files: [readme, ...files], findings };
}

/** Anything (JSON file, share link, form state) → bundle, or the field problems. Never throws on input. */
export function generate(input: unknown): { readonly plan?: Plan; readonly files: readonly GeneratedFile[]; readonly findings: readonly Finding[] } {
  const parsed = parsePlan(input);
  if (!parsed.ok) return { files: [], findings: parsed.findings };
  return generateFromPlan(parsed.plan);
}
