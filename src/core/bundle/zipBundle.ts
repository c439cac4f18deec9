import type { GeneratedFile } from './types';

/** A fixed timestamp keeps the archive byte-identical for the same plan (no build-time clock). */
const FIXED_DATE = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

const UNIX_MODE: Readonly<Record<NonNullable<GeneratedFile['mode']>, number>> = { '0600': 0o600, '0644': 0o644, '0755': 0o755 };

/** The bundle as a zip under `<name>/`, with Unix permissions. jszip is imported when called. */
export async function zipBundle(folder: string, files: readonly GeneratedFile[]): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const file of files) {
    zip.file(`${folder}/${file.path}`, file.content, {
      date: FIXED_DATE,
      unixPermissions: UNIX_MODE[file.mode ?? '0644'],
      createFolders: false,
    });
  }
  return zip.generateAsync({ type: 'uint8array', platform: 'UNIX', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}
