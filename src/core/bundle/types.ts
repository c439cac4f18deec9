import type { Finding } from '../findings';
import type { Plan } from '../plan/schema';
import type { Bilingual } from '../text/bilingual';

export type FileLanguage = 'rtx' | 'libreswan' | 'swanctl' | 'ini' | 'shell' | 'yaml' | 'nft' | 'iptables' | 'sysctl' | 'markdown' | 'svg';

export type FileSide = 'router' | 'vps' | 'hgw' | 'docs';

export interface GeneratedFile {
  /** Path inside the bundle; under `vps/` it mirrors the file's place on the server. */
  readonly path: string;
  readonly content: string;
  readonly language: FileLanguage;
  readonly side: FileSide;
  readonly title: Bilingual;
  /** Where the file goes on the device, when it is installed as a file. */
  readonly installTo?: string;
  /** Octal permission the file needs on the device. */
  readonly mode?: '0600' | '0644' | '0755';
}

export interface Bundle {
  readonly plan: Plan;
  readonly files: readonly GeneratedFile[];
  readonly findings: readonly Finding[];
}
