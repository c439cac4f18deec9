/**
 * libreswan ipsec.conf as data: sections of key=value entries. `serializeIpsecConf` is the only
 * writer, and it refuses a key or value the parser would read as anything but one value.
 */
export interface ConfEntry {
  readonly key: string;
  readonly value: string;
  /** Why the line is there; written on its own line above it. */
  readonly why?: string;
}

export interface ConfSection {
  /** `config setup` or `conn <name>`. */
  readonly header: string;
  readonly entries: readonly ConfEntry[];
}

const KEY = /^[a-z][a-z0-9-]*$/;
/** A value without whitespace, quotes or `#`; `{a b}` lists are the one place a space is allowed. */
const VALUE = /^(?:[^\s"#{}]+|\{[^\s"#{}]+(?: [^\s"#{}]+)*\})$/;
const HEADER = /^(?:config setup|conn [a-z][a-z0-9-]*|include \/[A-Za-z0-9_./*-]+)$/;
const COMMENT = /^[^\r\n\u2028\u2029]*$/;

export class ConfSyntaxError extends Error {}

export function serializeIpsecConf(sections: readonly ConfSection[], preamble: readonly string[] = []): string {
  const lines: string[] = preamble.map((text) => commentLine('', text));
  for (const section of sections) {
    if (!HEADER.test(section.header)) throw new ConfSyntaxError(`bad section header ${JSON.stringify(section.header)}`);
    if (lines.length > 0) lines.push('');
    lines.push(section.header);
    for (const entry of section.entries) {
      if (!KEY.test(entry.key)) throw new ConfSyntaxError(`bad key ${JSON.stringify(entry.key)}`);
      if (!VALUE.test(entry.value)) throw new ConfSyntaxError(`bad value for ${entry.key}: ${JSON.stringify(entry.value)}`);
      if (entry.why) lines.push(commentLine('    ', entry.why));
      lines.push(`    ${entry.key}=${entry.value}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function commentLine(indent: string, text: string): string {
  if (!COMMENT.test(text)) throw new ConfSyntaxError('comment with a line break');
  return `${indent}# ${text}`.trimEnd();
}
