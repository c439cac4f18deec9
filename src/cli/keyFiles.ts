import type { GeneratedFile } from '../core/bundle/types';

/**
 * Every file that holds a pre-shared key is written 0600, whatever the builder set: the router's
 * command file holds the PSK as much as the VPS secrets file does (issue 16, item 8).
 */
export function withKeyFilesPrivate(files: readonly GeneratedFile[], keys: readonly string[]): GeneratedFile[] {
  const secrets = keys.filter((key) => key.length > 0);
  return files.map((file) => (file.mode !== '0600' && secrets.some((key) => file.content.includes(key)) ? { ...file, mode: '0600' } : file));
}

export const fileMode = (file: GeneratedFile): number => Number.parseInt(file.mode ?? '0644', 8);
