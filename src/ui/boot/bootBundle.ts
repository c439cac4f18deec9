import type { Finding, GeneratedFile } from '../../core/index';

/**
 * The first screen without the generator: at build time the default plan is generated once, with
 * this stand-in key, and embedded in index.html as a JSON data block (build/bootBundlePlugin.ts).
 * Until the visitor first interacts, the preview shows it with the visitor's own random key put in;
 * the generator, the other steps and the full preview load on that first interaction. This keeps the
 * JavaScript loaded before the first interaction within budget (React alone is ~70 KB gzip).
 */
export const BOOT_PSK = 'BootPreviewStandInKeyXXXXXXXXXXX';

export const BOOT_BUNDLE_ID = 'boot-bundle';

export interface BootBundle {
  /** JSON of the plan the files were generated from, with BOOT_PSK as its key. */
  readonly plan: string;
  readonly files: readonly GeneratedFile[];
  readonly findings: readonly Finding[];
}

let cached: BootBundle | null | undefined;

export function readBootBundle(): BootBundle | null {
  if (cached !== undefined) return cached;
  try {
    const text = document.getElementById(BOOT_BUNDLE_ID)?.textContent;
    cached = text ? (JSON.parse(text) as BootBundle) : null;
  } catch {
    cached = null;
  }
  return cached;
}

/** The boot files for a plan, or null when the plan is not the one they were made from. */
export function bootFilesFor(planJson: string, psk: string): { files: GeneratedFile[]; findings: readonly Finding[] } | null {
  const boot = readBootBundle();
  if (!boot || psk === '' || planJson.split(JSON.stringify(psk)).join(JSON.stringify(BOOT_PSK)) !== boot.plan) return null;
  return { files: boot.files.map((file) => ({ ...file, content: file.content.split(BOOT_PSK).join(psk) })), findings: boot.findings };
}
