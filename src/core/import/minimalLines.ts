import { bi, type Bilingual } from '../text/bilingual';
import type { RtxImport } from './importRtx';
import { parseRtxConfig } from './parseRtxConfig';
import type { ConfigLine } from './types';

/** An existing line of the router that the generated lines replace. */
export interface LineChange {
  /** Line of the imported configuration. */
  readonly line: number;
  readonly old: string;
  readonly new: string;
  readonly note: Bilingual;
}

export interface MinimalRtx {
  /** Only what the router lacks, each change of an existing line announced in a comment above it. */
  readonly config: string;
  /** Back to exactly the imported state: what was added removed, what was changed restored. */
  readonly rollback: string;
  readonly changes: readonly LineChange[];
  /** Generated lines left out because the router already has them, word for word. */
  readonly present: number;
}

/** `tunnel select` / `pp select` open a block: never left out, whatever the block holds. */
export const isSelect = (line: ConfigLine): boolean => line.words[1] === 'select' && (line.words[0] === 'tunnel' || line.words[0] === 'pp');

/** Commands that act on the selected tunnel or pp; every other command is global wherever it sits. */
function scoped(words: readonly string[]): boolean {
  const [w0, w1] = words;
  if (w0 === 'no') return scoped(words.slice(1));
  if ((w0 === 'tunnel' || w0 === 'pp') && w1 === 'select') return false;
  if (w0 === 'tunnel' || w0 === 'pp' || w0 === 'ppp' || w0 === 'pppoe' || w0 === 'l2tp' || w0 === 'description') return true;
  return ((w0 === 'ip' || w0 === 'ipv6') && (w1 === 'tunnel' || w1 === 'pp')) || (w0 === 'ipsec' && w1 === 'tunnel');
}

const scopeOf = (line: ConfigLine) => (scoped(line.words) ? `${line.context.tunnel ?? ''}|${line.context.pp ?? ''}|` : '||');

/** A line's identity: its words, and the selected tunnel/pp when the command acts on it. */
export const sameLineKey = (line: ConfigLine): string => `${scopeOf(line)}${line.words.join(' ')}`;
const same = sameLineKey;

/**
 * The setting a line sets, for the commands that hold one value per key (a second line replaces
 * the first on the RTX): an interface address, a secure filter list, a route, a filter number.
 */
function settingOf(line: ConfigLine): string | undefined {
  const w = line.words[0] === 'no' ? line.words.slice(1) : line.words;
  const scope = scopeOf(line);
  if (w[0] === 'ip' && w[2] === 'address' && w.length >= 4) return `${scope}ip ${w[1]} address`;
  if ((w[0] === 'ip' || w[0] === 'ipv6') && w[2] === 'secure' && w[3] === 'filter' && (w[4] === 'in' || w[4] === 'out'))
    return `${scope}${w.slice(0, 5).join(' ')}`;
  if (w[0] === 'ip' && w[1] === 'route' && w[2] !== undefined) return `ip route ${w[2]}`;
  if ((w[0] === 'ip' || w[0] === 'ipv6') && w[1] === 'filter') return w.slice(0, w[2] === 'dynamic' ? 4 : 3).join(' ');
  if (w[0] === 'ipsec' && w[1] === 'auto' && w[2] === 'refresh') return w.length > 4 ? `ipsec auto refresh ${w[3]}` : 'ipsec auto refresh';
  if (w[0] === 'description') return `${scope}description ${w[1] ?? ''}`;
  return undefined;
}

function indentOf(text: string): string {
  return text.slice(0, text.length - text.trimStart().length);
}

/** Numbers of a secure filter list line: static and, after `dynamic`, dynamic. */
function listOf(words: readonly string[]): { static: string[]; dynamic: string[] } {
  const rest = words.slice(5);
  const at = rest.indexOf('dynamic');
  return at < 0 ? { static: rest, dynamic: [] } : { static: rest.slice(0, at), dynamic: rest.slice(at + 1) };
}

/**
 * Turns the generated RTX lines into the lines this router needs, given its imported
 * configuration: a line it already has is left out; a secure filter list gets our numbers
 * appended to the router's own list; a line that replaces an existing setting says which line it
 * changes. The rollback removes what was added and puts back the changed lines as they were.
 */
export function minimalRtx(generatedConfig: string, generatedRollback: string, imported: RtxImport): MinimalRtx {
  const existing = imported.config.lines;
  const identical = new Set(existing.map(same));
  const bySetting = new Map<string, ConfigLine>();
  for (const line of existing) {
    const setting = settingOf(line);
    if (setting !== undefined) bySetting.set(setting, line);
  }

  const physical = generatedConfig.replace(/\n$/, '').split('\n');
  const parsed = new Map(parseRtxConfig(generatedConfig).lines.map((line) => [line.line, line]));
  const out: (string | undefined)[] = [];
  const changes: LineChange[] = [];
  const presentLines: ConfigLine[] = [];
  physical.forEach((text, index) => {
    const line = parsed.get(index + 1);
    if (!line) return void out.push(text);
    if (!isSelect(line) && identical.has(same(line))) {
      presentLines.push(line);
      return void out.push(undefined);
    }
    const setting = settingOf(line);
    const before = setting === undefined ? undefined : bySetting.get(setting);
    if (!before) return void out.push(text);
    let replacement = text;
    let note = bi(`${before.line} 行目 (${before.raw.trim()}) を置き換えます`, `replaces line ${before.line} (${before.raw.trim()})`);
    if (line.words[2] === 'secure' && line.words[4] === 'in') {
      // Keep the router's own list, in its order, and append only our numbers (issue 13, item 4).
      const old = listOf(before.words);
      const ours = listOf(line.words);
      const added = ours.static.filter((n) => !old.static.includes(n));
      if (added.length === 0) {
        presentLines.push(line);
        return void out.push(undefined);
      }
      const merged = [...before.words.slice(0, 5), ...old.static, ...added, ...(old.dynamic.length > 0 ? ['dynamic', ...old.dynamic] : [])];
      replacement = `${indentOf(text)}${merged.join(' ')}`;
      note = bi(`${before.line} 行目のリストに ${added.join(' ')} を追加します`, `appends ${added.join(' ')} to the list of line ${before.line}`);
    }
    changes.push({ line: before.line, old: before.raw.trim(), new: replacement.trim(), note });
    out.push(`${indentOf(text)}# ${note.en}`, replacement);
  });

  // A comment that introduced a line left out goes with it.
  for (let i = out.length - 2; i >= 0; i--) if (out[i]?.trimStart().startsWith('#') && out[i + 1] === undefined) out[i] = undefined;
  const config = assemble(out, imported, presentLines.length, changes.length);
  return { config, rollback: minimalRollback(generatedRollback, presentLines, changes, existing), changes, present: presentLines.length };
}

function assemble(lines: readonly (string | undefined)[], imported: RtxImport, present: number, changed: number): string {
  const { model, firmware } = imported.facts ?? {};
  const summary = `# Against the imported configuration${model ? ` (${model}${firmware ? ` Rev.${firmware}` : ''})` : ''}: ${present} line(s) already there are left out, ${changed} existing line(s) changed`;
  const body = lines.filter((line): line is string => line !== undefined);
  const firstBlank = body.indexOf('');
  const at = firstBlank < 0 ? 0 : firstBlank;
  return `${[...body.slice(0, at), summary, ...body.slice(at)].join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

function minimalRollback(generatedRollback: string, present: readonly ConfigLine[], changes: readonly LineChange[], existing: readonly ConfigLine[]): string {
  const physical = generatedRollback.replace(/\n$/, '').split('\n');
  const parsed = new Map(parseRtxConfig(generatedRollback).lines.map((line) => [line.line, line]));
  const presentWords = present.map((line) => line.words.join(' '));
  const restoredSettings = new Set<string>();
  const changedSettings = new Map<string, LineChange>();
  for (const change of changes) {
    const old = existing.find((line) => line.line === change.line);
    const setting = old && settingOf(old);
    if (setting) changedSettings.set(setting, change);
  }
  const out: string[] = [];
  for (const [index, text] of physical.entries()) {
    const line = parsed.get(index + 1);
    if (!line) {
      out.push(text);
      continue;
    }
    if (line.words[0] === 'no') {
      // Do not remove what the router had before: `no X` of a line that was already there.
      const target = line.words.slice(1).join(' ');
      if (presentWords.some((words) => words === target || words.startsWith(`${target} `))) continue;
    }
    // `no <setting>` or a restating line of a setting we changed: put the router's own line back.
    const setting = settingOf(line);
    const change = setting === undefined ? undefined : changedSettings.get(setting);
    if (setting !== undefined && change) {
      out.push(`${indentOf(text)}${change.old}`);
      restoredSettings.add(setting);
      continue;
    }
    out.push(text);
  }
  for (const [setting, change] of changedSettings) {
    if (!restoredSettings.has(setting)) out.push(change.old);
  }
  return `${['# Restores the imported configuration: removes what was added, puts back the changed lines', ...out].join('\n')}\n`;
}
