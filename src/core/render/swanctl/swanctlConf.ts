/**
 * swanctl.conf as data: nested sections of key = value settings. The settings lexer ends an
 * unquoted value at whitespace, `#` or `}` (linux-ipsec.md §2.4), so unquoted values are
 * restricted to a safe alphabet and anything else is double-quoted with `\` and `"` escaped.
 */
export type SwanctlNode =
  | { readonly kind: 'setting'; readonly key: string; readonly value: string; readonly quoted?: boolean }
  | { readonly kind: 'section'; readonly name: string; readonly children: readonly SwanctlNode[] }
  | { readonly kind: 'comment'; readonly text: string };

export const setting = (key: string, value: string | number): SwanctlNode => ({ kind: 'setting', key, value: String(value) });
export const quotedSetting = (key: string, value: string): SwanctlNode => ({ kind: 'setting', key, value, quoted: true });
export const section = (name: string, children: readonly SwanctlNode[]): SwanctlNode => ({ kind: 'section', name, children });
export const note = (text: string): SwanctlNode => ({ kind: 'comment', text });

const NAME = /^[A-Za-z0-9_-]+$/;
const BARE_VALUE = /^[A-Za-z0-9_.:/,|+-]+$/;
const QUOTED_VALUE = /^[\x20-\x7e]*$/;
const COMMENT = /^[^\r\n\u2028\u2029]*$/;

export class SwanctlSyntaxError extends Error {}

export function serializeSwanctl(nodes: readonly SwanctlNode[], preamble: readonly string[] = []): string {
  const lines: string[] = preamble.map((text) => commentText('', text));
  const walk = (list: readonly SwanctlNode[], depth: number) => {
    const indent = '  '.repeat(depth);
    for (const node of list) {
      if (node.kind === 'comment') {
        lines.push(commentText(indent, node.text));
      } else if (node.kind === 'section') {
        if (!NAME.test(node.name)) throw new SwanctlSyntaxError(`bad section name ${JSON.stringify(node.name)}`);
        lines.push(`${indent}${node.name} {`);
        walk(node.children, depth + 1);
        lines.push(`${indent}}`);
      } else {
        if (!NAME.test(node.key)) throw new SwanctlSyntaxError(`bad key ${JSON.stringify(node.key)}`);
        lines.push(`${indent}${node.key} = ${renderValue(node.value, node.quoted === true)}`);
      }
    }
  };
  walk(nodes, 0);
  return `${lines.join('\n')}\n`;
}

function renderValue(value: string, quoted: boolean): string {
  if (!quoted) {
    if (!BARE_VALUE.test(value)) throw new SwanctlSyntaxError(`value needs quoting: ${JSON.stringify(value)}`);
    return value;
  }
  if (!QUOTED_VALUE.test(value)) throw new SwanctlSyntaxError('quoted value must be printable ASCII');
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function commentText(indent: string, text: string): string {
  if (!COMMENT.test(text)) throw new SwanctlSyntaxError('comment with a line break');
  return `${indent}# ${text}`.trimEnd();
}
