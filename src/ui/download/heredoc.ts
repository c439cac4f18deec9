import type { GeneratedFile } from '../../core/index';

/*
 * "Copy as shell heredoc": one POSIX sh script that recreates the bundle's vps/ files (mkdir -p,
 * cat > path <<'DELIM', chmod), for pasting into an SSH session. Pure, so it is unit-tested by
 * running the script.
 */

const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** A delimiter that is not a line of the content (a heredoc ends at the first such line). */
export function heredocDelimiter(content: string, base = 'RTX_VPS_EOF'): string {
  const lines = new Set(content.split('\n'));
  let delimiter = base;
  for (let n = 1; lines.has(delimiter); n++) delimiter = `${base}_${n}`;
  return delimiter;
}

const dirname = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));

function writeFile(file: GeneratedFile): string[] {
  const target = quote(file.path);
  if (file.content.length === 0) return [`: > ${target}`];
  const delimiter = heredocDelimiter(file.content);
  if (file.content.endsWith('\n')) return [`cat > ${target} <<'${delimiter}'`, `${file.content}${delimiter}`];
  // A heredoc always ends with a newline; $(…) strips trailing newlines, of which this content has none.
  return [`printf '%s' "$(cat <<'${delimiter}'`, file.content, delimiter, `)" > ${target}`];
}

export function vpsHeredocScript(files: readonly GeneratedFile[], name: string): string {
  const vps = files.filter((file) => file.side === 'vps');
  const directories = [...new Set(vps.map((file) => dirname(file.path)).filter(Boolean))].sort();
  const lines = [
    '#!/bin/sh',
    `# ${name}: recreates the VPS files of the bundle under ./vps (VPS 側のファイルを ./vps に作成します)`,
    '# Then: cd vps && sudo sh setup/apply.sh',
    'set -eu',
    ...directories.map((directory) => `mkdir -p ${quote(directory)}`),
  ];
  for (const file of vps) {
    lines.push(...writeFile(file), `chmod ${file.mode ?? '0644'} ${quote(file.path)}`);
  }
  lines.push(`echo ${quote(`${vps.length} files written under ./vps`)}`);
  return `${lines.join('\n')}\n`;
}
