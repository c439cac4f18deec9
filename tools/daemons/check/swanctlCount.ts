/** strongSwan settings syntax: count the sections directly under top-level `connections`. */
type Token = { t: '{' | '}' | '=' | '\n' } | { t: 'word'; v: string } | { t: 'str' };

export function countSwanctlConnections(text: string): { count: number; names: string[] } {
  const toks: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      toks.push({ t: 'str' });
      i = j + 1;
    } else if (c === '{' || c === '}' || c === '=' || c === '\n') {
      toks.push({ t: c });
      i++;
    } else if (/\s/.test(c)) i++;
    else {
      let j = i;
      while (j < text.length && !/[\s{}=#"]/.test(text[j]!)) j++;
      toks.push({ t: 'word', v: text.slice(i, j) });
      i = j;
    }
  }
  let depth = 0;
  let inConnections = false;
  let connDepth = -1;
  let count = 0;
  const names: string[] = [];
  let afterEq = false;
  let lastWord: string | null = null;
  for (const tk of toks) {
    if (tk.t === '=') afterEq = true;
    else if (tk.t === '\n') afterEq = false;
    else if (tk.t === 'word' || tk.t === 'str') {
      if (!afterEq) lastWord = tk.t === 'word' ? tk.v : null;
    } else if (tk.t === '{') {
      if (afterEq) continue;
      depth++;
      if (depth === 1 && lastWord === 'connections') {
        inConnections = true;
        connDepth = 1;
      } else if (inConnections && depth === connDepth + 1) {
        count++;
        names.push(lastWord ?? '');
      }
      lastWord = null;
    } else if (tk.t === '}') {
      if (inConnections && depth === connDepth) inConnections = false;
      depth--;
      afterEq = false;
    }
  }
  return { count, names };
}
