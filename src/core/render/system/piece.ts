import type { FileLanguage, GeneratedFile } from '../../bundle/types';
import type { Bilingual } from '../../text/bilingual';
import type { ShellCode } from './sh/shellCode';

/** A step of the VPS apply script: what it does (both languages) and the commands. */
export interface ShellStep {
  readonly title: Bilingual;
  readonly commands: readonly ShellCode[];
}

/**
 * One part of the VPS setup (kernel settings, NIC, firewall, IPsec). apply.sh runs every piece's
 * steps in list order after one backup of every file the pieces install or edit; verify.sh runs
 * their checks in the same order; rollback.sh undoes them in reverse order, then restores the backup.
 */
export interface VpsPiece {
  readonly files: readonly GeneratedFile[];
  /** Files changed in place (not installed from the bundle) that the backup must hold. */
  readonly edits?: readonly string[];
  readonly apply: readonly ShellStep[];
  readonly verify: readonly ShellCode[];
  readonly rollback: readonly ShellCode[];
}

/** A file the bundle carries under vps/ at the place it is installed to on the server. */
export function installedFile(installTo: string, content: string, language: FileLanguage, title: Bilingual, mode: '0600' | '0644'): GeneratedFile {
  return { path: `vps${installTo}`, content, language, side: 'vps', title, installTo, mode };
}
