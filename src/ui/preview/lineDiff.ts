/**
 * Indices of the lines of `next` that are not in a longest common subsequence with `previous`:
 * the lines an edit added or changed. Quadratic, bounded: very large files fall back to a
 * line-by-line comparison.
 */
export function changedLines(previous: string, next: string): Set<number> {
  const a = previous.split('\n');
  const b = next.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const changed = new Set<number>();
  const n = endA - start;
  const m = endB - start;
  if (m === 0) return changed;
  if (n === 0 || n * m > 4_000_000) {
    for (let j = start; j < endB; j++) if (n === 0 || a[j] !== b[j]) changed.add(j);
    return changed;
  }
  // lcs[i][j] = LCS length of a[start+i..endA) and b[start+j..endB).
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = a[start + i] === b[start + j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (j < m) {
    if (i < n && a[start + i] === b[start + j]) {
      i++;
      j++;
    } else if (i < n && lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      i++;
    } else {
      changed.add(start + j);
      j++;
    }
  }
  return changed;
}
