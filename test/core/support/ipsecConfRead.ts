/** A reader of generated ipsec.conf text, independent of the writer: sections and their keys. */
export interface ConfSectionRead {
  /** `setup` for `config setup`, else the conn name. */
  readonly name: string;
  readonly keys: Readonly<Record<string, string>>;
}

export function parseIpsecConf(text: string): ConfSectionRead[] {
  const sections: { name: string; keys: Record<string, string> }[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    const header = /^(?:config (setup)|conn (\S+))$/.exec(line);
    if (header) {
      sections.push({ name: header[1] ?? header[2]!, keys: {} });
      continue;
    }
    const setting = /^\s+([a-z0-9-]+)=(.*)$/.exec(line);
    if (!setting || sections.length === 0) throw new Error(`unreadable line: ${JSON.stringify(line)}`);
    sections[sections.length - 1]!.keys[setting[1]!] = setting[2]!;
  }
  return sections;
}

/** A conn's effective keys: its own, then those of `also=` conns (recursively), then `%default`. */
export function resolveConn(sections: readonly ConfSectionRead[], name: string, seen = new Set<string>()): Readonly<Record<string, string | undefined>> {
  if (seen.has(name)) throw new Error(`also= loop at ${name}`);
  seen.add(name);
  const own = sections.find((section) => section.name === name);
  if (!own) throw new Error(`no conn ${name}`);
  const included = (own.keys.also ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((other) => resolveConn(sections, other, seen));
  const defaults = sections.find((section) => section.name === '%default')?.keys ?? {};
  return Object.assign({}, defaults, ...included.reverse(), own.keys);
}
