import type { GeneratedFile } from '../bundle/types';
import type { Finding } from '../findings';
import type { Plan } from '../plan/schema';
import { bi } from '../text/bilingual';
import { collisionFindings, findCollisions } from './collisions';
import type { RtxImport } from './importRtx';
import { minimalRtx, type LineChange } from './minimalLines';

export interface ImportedBundle {
  /** The bundle's files with the router's command and rollback files made minimal; none on error. */
  readonly files: readonly GeneratedFile[];
  readonly findings: readonly Finding[];
  readonly changes: readonly LineChange[];
}

const CONFIG = /(^|\/)rtx-config\.txt$/;
const rollbackOf = (path: string) => path.replace(/rtx-config\.txt$/, 'rollback.txt');

/**
 * Generates against the router's own configuration: a plan whose numbers the router already uses
 * is refused (one error per number, naming the router's line); otherwise the router files add only
 * what is missing and say which existing lines they change, and the rollback restores the import.
 */
export function applyImport(plan: Plan, files: readonly GeneratedFile[], imported: RtxImport): ImportedBundle {
  if (!imported.facts) {
    return {
      files: [],
      changes: [],
      findings: [
        {
          level: 'error',
          code: 'import.differs',
          path: 'home',
          message: bi('貼り付けたテキストは RTX の設定として読めません。', 'The pasted text cannot be read as an RTX configuration.'),
        },
      ],
    };
  }
  const findings: Finding[] = [];
  for (const file of files.filter((f) => CONFIG.test(f.path))) findings.push(...collisionFindings(plan, findCollisions(file.content, imported)));
  const access = imported.facts.ipv4Access;
  const planned = plan.home.ipv4Access;
  if ((access.kind === 'ds-lite' || access.kind === 'map-e') && (planned.kind !== access.kind || planned.tunnelId !== access.tunnel)) {
    findings.push({
      level: 'warning',
      code: 'import.differs',
      path: 'home.ipv4Access',
      message: bi(
        `ルーターの IPv4 接続は ${access.kind} (tunnel ${access.tunnel}、${access.line} 行目) です。プランと違います。`,
        `The router's IPv4 access is ${access.kind} (tunnel ${access.tunnel}, line ${access.line}), not what the plan says.`,
      ),
    });
  }
  if (findings.some((finding) => finding.level === 'error')) return { files: [], findings, changes: [] };
  const changes: LineChange[] = [];
  const byPath = new Map(files.map((file) => [file.path, file]));
  const out = files.map((file) => {
    if (CONFIG.test(file.path)) {
      const rollback = byPath.get(rollbackOf(file.path));
      const minimal = minimalRtx(file.content, rollback?.content ?? '', imported);
      changes.push(...minimal.changes);
      return { ...file, content: minimal.config };
    }
    const config = byPath.get(file.path.replace(/rollback\.txt$/, 'rtx-config.txt'));
    if (file.path.endsWith('rollback.txt') && config && config !== file)
      return { ...file, content: minimalRtx(config.content, file.content, imported).rollback };
    return file;
  });
  return { files: out, findings, changes };
}
