import type { GeneratedFile, Plan } from '../../core/index';

/** The bundle as `<name>.zip` (the same bytes as the CLI's --zip); jszip and file-saver load on click. */
export async function downloadZip(name: string, files: readonly GeneratedFile[]): Promise<void> {
  const [{ zipBundle }, { saveAs }] = await Promise.all([import('../../core/bundle/zipBundle'), import('file-saver')]);
  const bytes = await zipBundle(name, files);
  saveAs(new Blob([bytes as BlobPart], { type: 'application/zip' }), `${name}.zip`);
}

/** The plan as the JSON file the CLI reads (`--plan`). */
export async function savePlanFile(plan: Plan): Promise<void> {
  const { saveAs } = await import('file-saver');
  const name = plan.peers[0]?.name || 'plan';
  saveAs(new Blob([`${JSON.stringify(plan, null, 2)}\n`], { type: 'application/json' }), `${name}.plan.json`);
}
