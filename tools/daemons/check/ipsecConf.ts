/** A minimal ipsec.conf reader: `config setup` lines and `conn NAME` key=value maps. */
export interface IpsecConf {
  readonly setup: string[];
  readonly conns: Map<string, Record<string, string>>;
  readonly order: string[];
}

export function parseIpsecConf(text: string): IpsecConf {
  const res: IpsecConf = { setup: [], conns: new Map(), order: [] };
  let cur: { kind: 'setup' } | { kind: 'conn'; kv: Record<string, string> } | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (/^\s*(#|$)/.test(line)) continue;
    if (/^config\s+setup\b/.test(line)) {
      cur = { kind: 'setup' };
      continue;
    }
    const conn = /^conn\s+(\S+)/.exec(line);
    if (conn) {
      cur = { kind: 'conn', kv: {} };
      res.conns.set(conn[1]!, cur.kv);
      res.order.push(conn[1]!);
      continue;
    }
    if (/^\S/.test(line)) {
      cur = null; // version 2, include …
      continue;
    }
    if (!cur) continue;
    if (cur.kind === 'setup') {
      res.setup.push(line);
      continue;
    }
    const kv = /^\s+([A-Za-z0-9_-]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (kv) {
      let v = kv[2]!.replace(/\s+#.*$/, '');
      if (/^".*"$/.test(v)) v = v.slice(1, -1);
      cur.kv[kv[1]!] = v;
    }
  }
  return res;
}

/** A conn's value for KEY, through `also=` and `%default`. */
export function connValue(conf: IpsecConf, name: string, key: string, seen = new Set<string>()): string | undefined {
  if (seen.has(name)) return undefined;
  seen.add(name);
  const kv = conf.conns.get(name);
  if (!kv) return undefined;
  if (key in kv) return kv[key];
  for (const a of (kv.also || '').split(/\s+/).filter(Boolean)) {
    const v = connValue(conf, a, key, seen);
    if (v !== undefined) return v;
  }
  if (name !== '%default') return connValue(conf, '%default', key, seen);
  return undefined;
}

/** The conns a service would load: not %default, not bases other conns include with also=. */
export function loadedConns(conf: IpsecConf): string[] {
  const also = new Set<string>();
  for (const kv of conf.conns.values()) for (const a of (kv.also || '').split(/\s+/).filter(Boolean)) also.add(a);
  return conf.order.filter((n) => n !== '%default' && !also.has(n));
}
