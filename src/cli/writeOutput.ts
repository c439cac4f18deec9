import { chmodSync, closeSync, fsyncSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, renameSync, rmSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { GeneratedFile } from '../core/bundle/types';
import { fileMode } from './keyFiles';
import { IoError, ioMessage } from './readText';

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new IoError(ioMessage(path, error));
  }
}

/** Creates a file that must not exist yet (O_EXCL: a symlink planted there is never followed). */
function writeNew(path: string, content: string | Uint8Array, mode: number): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'wx', mode);
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
    // The umask may have taken bits away from a 0644/0755 file; the file gets exactly its mode.
    chmodSync(path, mode);
  } catch (error) {
    throw new IoError(ioMessage(path, error));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function mkdirs(path: string): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = (error as NodeJS.ErrnoException).path ?? path;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new IoError(`${where}: フォルダーではないものがあります / exists and is not a folder (${code})`);
    throw new IoError(ioMessage(path, error));
  }
}

function listing(path: string): string[] {
  try {
    return readdirSync(path);
  } catch (error) {
    throw new IoError(ioMessage(path, error));
  }
}

/** Refuses a target that is a symbolic link, and one of the wrong kind. */
function checkTarget(path: string, kind: 'directory' | 'file', force: boolean): Stats | undefined {
  const stat = lstatOrUndefined(path);
  if (!stat) return undefined;
  if (stat.isSymbolicLink()) throw new IoError(`${path}: シンボリックリンクには書き込みません / refusing to write through a symbolic link`);
  if (kind === 'directory' && !stat.isDirectory()) throw new IoError(`${path}: フォルダーではありません / not a directory`);
  if (kind === 'file' && !stat.isFile()) throw new IoError(`${path}: 通常のファイルではありません / not a regular file`);
  if (!force && (kind === 'file' || listing(path).length > 0)) {
    throw new IoError(
      `${path}: すでにあります。上書きするには --force を付けてください / ${kind === 'file' ? 'already exists' : 'is not empty'}; add --force to replace it`,
    );
  }
  return stat;
}

/**
 * Writes the bundle into `out` as a whole or not at all: every file goes into a fresh temporary
 * folder next to `out`, which then takes `out`'s place (an existing folder is swapped out and
 * removed only after the move). Nothing is written through a symbolic link.
 */
export function writeBundleFolder(out: string, files: readonly GeneratedFile[], force: boolean): void {
  const target = resolve(out);
  const parent = dirname(target);
  mkdirs(parent);
  const existing = checkTarget(target, 'directory', force);
  let temporary: string;
  try {
    temporary = mkdtempSync(join(parent, `.${basename(target)}.tmp-`));
  } catch (error) {
    throw new IoError(ioMessage(parent, error));
  }
  try {
    for (const file of files) {
      const path = join(temporary, file.path);
      if (!path.startsWith(`${temporary}/`)) throw new IoError(`${file.path}: a bundle path outside the folder`);
      mkdirs(dirname(path));
      writeNew(path, file.content, fileMode(file));
    }
    chmodSync(temporary, 0o755 & ~process.umask());
    if (existing) {
      const old = `${temporary}.old`;
      renameSync(target, old);
      try {
        renameSync(temporary, target);
      } catch (error) {
        renameSync(old, target);
        throw error;
      }
      rmSync(old, { recursive: true, force: true });
    } else renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error instanceof IoError ? error : new IoError(ioMessage(target, error));
  }
}

/** Writes the zip (it holds the key: 0600) through a temporary file renamed into place. */
export function writeZipFile(zipPath: string, bytes: Uint8Array, force: boolean): void {
  const target = resolve(zipPath);
  mkdirs(dirname(target));
  checkTarget(target, 'file', force);
  const temporary = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  try {
    writeNew(temporary, bytes, 0o600);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error instanceof IoError ? error : new IoError(ioMessage(target, error));
  }
}
