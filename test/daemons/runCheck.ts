// Helper for tests: run tools/daemons/check.ts (real Debian 12 parsers/daemons) on files.
//
//   const dir = writeBundle([{ path: 'etc/ipsec.d/vps-rtx.conf', content }]);
//   const r = runDaemonCheck('libreswan', [join(dir, 'etc/ipsec.d/vps-rtx.conf'), secrets, '2001:db8:1::1']);
//   expect(r.ok, r.details + '\n' + r.log).toBe(true);
//
// Needs root and `tools/daemons/install.sh`. Use daemonsAvailable() to decide whether to skip
// (only outside CI: in CI a missing tool must fail, see harness.test.ts).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export type DaemonCheckKind = 'libreswan' | 'swanctl' | 'nft' | 'iptables-restore' | 'ip6tables-restore' | 'netplan' | 'sysctl' | 'networkd';

export interface DaemonCheckResult {
  ok: boolean;
  tool: string;
  details: string;
  log: string;
  /** true when the check could not run meaningfully (networkd) and was skipped */
  skipped?: boolean;
}

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(HERE, '..', '..');
export const CHECK_SCRIPT = join(REPO_ROOT, 'tools', 'daemons', 'check.ts');
export const DAEMONS_CACHE = process.env.DAEMONS_CACHE ?? join(REPO_ROOT, 'tools', 'daemons', '.cache');

/**
 * Run one check. args are file paths (plus LEFT_IPV6 for libreswan, optional `--noflush` for
 * ip(6)tables-restore). Never throws: a crash/timeout is reported as ok:false with the reason.
 */
export function runDaemonCheck(kind: DaemonCheckKind, args: string[], opts: { timeoutMs?: number } = {}): DaemonCheckResult {
  // TypeScript run by tsx (resolved from the repository, whatever the caller's cwd).
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHECK_SCRIPT, kind, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 120_000,
    killSignal: 'SIGTERM', // check.ts cleans up its netns/daemons on SIGTERM
    maxBuffer: 64 * 1024 * 1024,
  });
  const stdout = r.stdout ?? '';
  const line = stdout.trim().split('\n').pop() ?? '';
  try {
    const j = JSON.parse(line) as DaemonCheckResult;
    if (typeof j.ok === 'boolean') return j;
  } catch {
    /* fall through */
  }
  return {
    ok: false,
    tool: kind,
    details: `check.ts produced no JSON (status ${r.status}, signal ${r.signal}` + `${r.error ? `, error ${r.error.message}` : ''})\n${r.stderr ?? ''}`,
    log: stdout,
  };
}

/** true if the harness can run here: root + install.sh has been run. */
export function daemonsAvailable(): boolean {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return false;
  if (!existsSync(join(DAEMONS_CACHE, 'stamp'))) return false;
  return ['nft', 'iptables-restore', 'netplan', 'certutil', 'ip'].every((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0);
}

export interface BundleFile {
  /** path inside the bundle, e.g. "etc/ipsec.d/vps-rtx.conf" (a leading "/" is allowed) */
  path: string;
  content: string | Uint8Array;
  /** file mode, e.g. 0o600 (default 0o644) */
  mode?: number;
}

/**
 * Write a generated bundle under a fresh temp directory (or `dir`) and return the directory.
 * Paths are kept relative to it ("/etc/x" -> "<dir>/etc/x"); ".." escapes are rejected.
 */
export function writeBundle(files: BundleFile[], dir?: string): string {
  const root = dir ?? mkdtempSync(join(tmpdir(), 'bundle-'));
  for (const f of files) {
    const rel = normalize(f.path.replace(/^\/+/, ''));
    if (rel === '.' || rel.startsWith('..') || rel.split(sep).includes('..')) throw new Error(`bundle path escapes the bundle: ${f.path}`);
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, f.content);
    chmodSync(abs, f.mode ?? 0o644);
  }
  return root;
}

/** Remove a directory made by writeBundle. */
export function removeBundle(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
