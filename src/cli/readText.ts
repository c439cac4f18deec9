import { readFileSync } from 'node:fs';

/** An I/O failure, reported as what it is (ENOENT, EACCES, EISDIR…) rather than "internal error". */
export class IoError extends Error {}

export function ioMessage(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'ファイルがありません / no such file',
    EACCES: '読み書きの権限がありません / permission denied',
    EPERM: '許可されていない操作です / operation not permitted',
    EISDIR: 'フォルダーです / is a directory',
    ENOTDIR: 'フォルダーではありません / not a directory',
    ENOSPC: 'ディスクの空きがありません / no space left on device',
    EROFS: '読み取り専用です / read-only file system',
    EEXIST: 'すでにあります / already exists',
    ELOOP: 'シンボリックリンクはたどりません / refusing to follow a symbolic link',
  };
  return `${path}: ${(code && reasons[code]) ?? (error as Error)?.message ?? String(error)}${code ? ` (${code})` : ''}`;
}

/**
 * Reads a text file as the browser would: UTF-8 with a leading BOM dropped (TextDecoder's
 * default). RTX configuration files saved by TFTP are Shift_JIS (rtx-commands.md §1.23), so
 * text that is not valid UTF-8 is read as Shift_JIS when `shiftJis` is set.
 */
export function readText(path: string, options: { shiftJis?: boolean } = {}): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new IoError(ioMessage(path, error));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (options.shiftJis) {
      try {
        return new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
      } catch {
        // Neither: fall through, the parser reports undecodable bytes as binary data.
      }
    }
    return new TextDecoder('utf-8').decode(bytes);
  }
}
