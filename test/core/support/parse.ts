/** Small readers of our own outputs, written independently of the builders, for the tests. */

export interface RtxCommand {
  readonly depth: number;
  readonly words: readonly string[];
  readonly text: string;
}

/** RTX console text → commands (comments and blank lines dropped; `"a b"` kept as one word). */
export function parseRtx(text: string): RtxCommand[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'))
    .map((line) => {
      const depth = line.length - line.trimStart().length;
      const words = [...line.trim().matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);
      return { depth, words, text: line.trim() };
    });
}

export function rtxFind(commands: readonly RtxCommand[], ...prefix: string[]): RtxCommand[] {
  return commands.filter((command) => prefix.every((word, index) => command.words[index] === word));
}

export interface ConfSectionRead {
  readonly header: string;
  readonly values: Map<string, string>;
}

/** libreswan ipsec.conf → sections with key=value maps (a key twice is an error here). */
export function parseLibreswanConf(text: string): ConfSectionRead[] {
  const sections: ConfSectionRead[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '');
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      sections.push({ header: line.trim(), values: new Map() });
      continue;
    }
    const match = /^\s+([a-z0-9-]+)=(.*)$/.exec(line);
    if (!match) throw new Error(`not key=value: ${raw}`);
    const current = sections[sections.length - 1];
    if (!current) throw new Error('value outside a section');
    if (current.values.has(match[1]!)) throw new Error(`duplicate key ${match[1]}`);
    current.values.set(match[1]!, match[2]!.trim());
  }
  return sections;
}

export type SwanctlTree = { [key: string]: string | SwanctlTree };

/** swanctl.conf → nested object; quoted values are unescaped as the strongSwan lexer does. */
export function parseSwanctl(text: string): SwanctlTree {
  const root: SwanctlTree = {};
  const stack: SwanctlTree[] = [root];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const top = stack[stack.length - 1]!;
    let match: RegExpExecArray | null;
    if ((match = /^([A-Za-z0-9_-]+) \{$/.exec(line))) {
      const child: SwanctlTree = {};
      top[match[1]!] = child;
      stack.push(child);
    } else if (line === '}') {
      stack.pop();
    } else if ((match = /^([A-Za-z0-9_-]+) = "((?:[^"\\]|\\.)*)"$/.exec(line))) {
      top[match[1]!] = match[2]!.replace(/\\(.)/g, '$1');
    } else if ((match = /^([A-Za-z0-9_-]+) = ([^\s#{}"]+)$/.exec(line))) {
      top[match[1]!] = match[2]!;
    } else {
      throw new Error(`not swanctl syntax: ${raw}`);
    }
  }
  if (stack.length !== 1) throw new Error('unbalanced braces');
  return root;
}

/** `KEY="value"` or `key = value` files → map. */
export function parseAssignments(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([^=\s]+)\s*=\s*(.*)$/.exec(line);
    if (!match) throw new Error(`not an assignment: ${raw}`);
    map.set(match[1]!, match[2]!.replace(/^"(.*)"$/, '$1'));
  }
  return map;
}
