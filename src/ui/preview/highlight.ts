import type { FileLanguage } from '../../core/index';

/*
 * Tiny line-at-a-time highlighters (loaded lazily): enough colour to read RTX commands, libreswan /
 * swanctl / ini files and shell, without a highlighting library.
 */

export type Token = readonly [className: string, text: string];

interface Rule {
  readonly pattern: RegExp;
  readonly className: string;
}

const rule = (pattern: RegExp, className: string): Rule => ({ pattern: new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`), className });

const NUMBERS = rule(/\b\d+(?:\.\d+)*(?:\/\d+)?\b/, 'n');
const IPV6 = rule(/\b[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{0,4}){2,7}(?:\/\d+)?/, 'n');
const STRING = rule(/"(?:[^"\\]|\\.)*"?|'[^']*'?/, 's');
const WORD = rule(/[A-Za-z_][\w.-]*/, '');
const SPACE = rule(/\s+/, '');
const OTHER = rule(/./, '');

const RTX_COMMANDS = /^(ip|ipv6|ipsec|tunnel|nat|pp|description|no|save|show|lan|dhcp|dns|console|syslog|administrator|login|security)$/;

function tokenize(line: string, rules: readonly Rule[], classify?: (word: string, index: number) => string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  let words = 0;
  while (position < line.length) {
    let matched = false;
    for (const { pattern, className } of rules) {
      pattern.lastIndex = position;
      const match = pattern.exec(line);
      if (!match || match[0].length === 0) continue;
      let cls = className;
      if (pattern === WORD.pattern) {
        cls = classify ? classify(match[0], words) : '';
        words++;
      }
      const last = tokens[tokens.length - 1];
      if (last && last[0] === cls) tokens[tokens.length - 1] = [cls, last[1] + match[0]];
      else tokens.push([cls, match[0]]);
      position += match[0].length;
      matched = true;
      break;
    }
    if (!matched) {
      tokens.push(['', line.slice(position)]);
      break;
    }
  }
  return tokens;
}

function comment(line: string, marker: RegExp): Token[] | undefined {
  return marker.test(line) ? [['c', line]] : undefined;
}

function rtx(line: string): Token[] {
  return (
    comment(line, /^\s*#/) ??
    tokenize(line, [SPACE, IPV6, NUMBERS, STRING, WORD, OTHER], (word, index) =>
      index === 0 && RTX_COMMANDS.test(word) ? 'k' : index <= 2 && /^[a-z-]+$/.test(word) ? 'k2' : '',
    )
  );
}

const SHELL_KEYWORDS = /^(if|then|else|elif|fi|for|do|done|while|case|esac|in|function|return|exit|set|local|export|echo|printf|cat|cd|test)$/;

function shell(line: string): Token[] {
  const hash = /(^|\s)#/.exec(line);
  const code = hash && !line.trimStart().startsWith('#!') ? line.slice(0, hash.index + hash[1]!.length) : line;
  const rest = code === line ? '' : line.slice(code.length);
  const tokens = line.trimStart().startsWith('#')
    ? [['c', line] as Token]
    : tokenize(code, [SPACE, STRING, rule(/\$\{?[\w@#?*!-]+\}?/, 'v'), IPV6, NUMBERS, WORD, OTHER], (word) => (SHELL_KEYWORDS.test(word) ? 'k' : ''));
  return rest && !line.trimStart().startsWith('#') ? [...tokens, ['c', rest]] : tokens;
}

function keyValue(line: string): Token[] {
  const c = comment(line, /^\s*[#;]/);
  if (c) return c;
  const section = /^(\s*)(conn|config|ca|include)?(\s*)(\S.*?)?(\s*[{:]?\s*)$/.exec(line);
  if (section && /^(conn|config|ca|include)$/.test(section[2] ?? '')) {
    return [
      ['', section[1]!],
      ['k', section[2]!],
      ['', section[3]!],
      ['s', section[4] ?? ''],
      ['', section[5]!],
    ];
  }
  if (/^\s*\[.*\]\s*$/.test(line) || /^\s*[\w.-]+\s*\{\s*$/.test(line) || /^\s*\}\s*$/.test(line)) return [['k', line]];
  const pair = /^(\s*)([\w.-]+)(\s*[=:]\s*|\s+)(.*)$/.exec(line);
  if (pair) return [['', pair[1]!], ['a', pair[2]!], ['', pair[3]!], ...tokenize(pair[4]!, [SPACE, STRING, IPV6, NUMBERS, WORD, OTHER])];
  return tokenize(line, [SPACE, STRING, IPV6, NUMBERS, WORD, OTHER]);
}

function markdown(line: string): Token[] {
  if (/^#{1,6}\s/.test(line)) return [['k', line]];
  if (/^\s*(```|\|)/.test(line)) return [['c', line]];
  return tokenize(line, [rule(/`[^`]*`/, 's'), rule(/[^`]+/, '')]);
}

function markup(line: string): Token[] {
  return tokenize(line, [rule(/<\/?[\w:-]+/, 'k'), rule(/[\w:-]+(?==)/, 'a'), STRING, rule(/[^<"'\w]+|\w+/, '')]);
}

export function highlightLine(language: FileLanguage, line: string): Token[] {
  switch (language) {
    case 'rtx':
      return rtx(line);
    case 'shell':
    case 'nft':
    case 'iptables':
      return shell(line);
    case 'libreswan':
    case 'swanctl':
    case 'ini':
    case 'sysctl':
    case 'yaml':
      return keyValue(line);
    case 'markdown':
      return markdown(line);
    case 'svg':
      return markup(line);
  }
}
