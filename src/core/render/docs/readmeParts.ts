import type { GeneratedFile } from '../../bundle/types';

/** The bundle's file table: path, what it is, and where it goes on the device (with its mode). */
export function fileTable(files: readonly GeneratedFile[]): string[] {
  return [
    '| ファイル / File | 内容 / What | 置き場所 / Goes to |',
    '|---|---|---|',
    ...files.map((file) => `| \`${file.path}\` | ${file.title.ja} / ${file.title.en} | ${file.installTo ? `\`${file.installTo}\`${file.mode ? ` (${file.mode})` : ''}` : '—'} |`),
  ];
}

/** The key warning, then the file table and the start of the order section, as every bundle README has them. */
export function keyWarningAndFiles(files: readonly GeneratedFile[], keys: 'one' | 'several'): string[] {
  return [
    'このフォルダには事前共有鍵が含まれます。安全な場所に保管し、共有しないでください。',
    keys === 'one' ? 'This folder holds the pre-shared key: keep it safe and do not share it.' : 'This folder holds the pre-shared keys: keep it safe and do not share it.',
    '',
    '## ファイル / Files',
    '',
    ...fileTable(files),
    '',
    '## 適用の順序 / Order',
    '',
    '### 1. RTX',
    '',
  ];
}
