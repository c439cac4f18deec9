import type { Bundle, GeneratedFile } from './bundle/types';
import { checkPlan } from './derive/checkPlan';
import type { Deployment } from './derive/deployment';
import { hasErrors, type Finding } from './findings';
import { parsePlan } from './plan/parsePlan';
import type { Plan } from './plan/schema';
import { renderBundleReadme } from './render/docs/bundleReadme';
import { renderHgwInstructions } from './render/docs/hgwInstructions';
import { renderMultiReadme } from './render/docs/multiReadme';
import { renderTopologySvg } from './render/docs/topologySvg';
import { buildRtxConfig, buildRtxRollback } from './render/rtx/buildRtxConfig';
import { serializeRtx } from './render/rtx/rtxLines';
import { buildVpsScripts } from './render/system/vpsScripts';
import { bi } from './text/bilingual';

/** Both router files, for every tunnel of the plan (they all start at the one home router). */
function routerFiles(ds: readonly Deployment[]): GeneratedFile[] {
  const { model } = ds[0]!.plan.router;
  return [
    {
      path: 'router/rtx-config.txt',
      content: serializeRtx(buildRtxConfig(ds)),
      language: 'rtx',
      side: 'router',
      // It holds the pre-shared key: private in the page's zip as in the CLI's folder.
      mode: '0600',
      title: bi(`${model} に追加するコマンド`, `Commands to add to the ${model}`),
    },
    {
      path: 'router/rollback.txt',
      content: serializeRtx(buildRtxRollback(ds)),
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

/** The folder of a VPS's files in the bundle: `vps/` for a one-peer plan, `vps-<name>/` for each of several. */
export function vpsFolder(d: Deployment): string {
  return d.peerCount === 1 ? 'vps' : `vps-${d.peer.name}`;
}

/**
 * One VPS's files. Builders write them under `vps/`; with several peers each VPS gets its own folder
 * (peer names are unique, checked), and the scripts' own "cd vps" hint follows it.
 */
function vpsFiles(d: Deployment): GeneratedFile[] {
  const files = buildVpsScripts(d);
  const folder = vpsFolder(d);
  if (folder === 'vps') return files;
  return files.map((file) => ({
    ...file,
    path: `${folder}/${file.path.slice('vps/'.length)}`,
    content: file.language === 'shell' ? file.content.replaceAll('cd vps && ', `cd ${folder} && `) : file.content,
  }));
}

/** Plan → both sides' files. Pure and deterministic: the same plan gives byte-identical files. */
export function generateFromPlan(plan: Plan): Bundle {
  const { deployments, findings } = checkPlan(plan);
  if (hasErrors(findings)) return { plan, files: [], findings };
  const first = deployments[0]!;
  const topology: GeneratedFile = {
    path: 'docs/topology.svg',
    content: renderTopologySvg(first),
    language: 'svg',
    side: 'docs',
    title: bi('構成図', 'Topology diagram'),
  };
  const files = [...routerFiles(deployments), ...deployments.flatMap(vpsFiles), ...hgwFiles(first), topology];
  const readme: GeneratedFile = {
    path: 'README.md',
    content: deployments.length === 1 ? renderBundleReadme(first, files, findings) : renderMultiReadme(deployments, files, findings),
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
