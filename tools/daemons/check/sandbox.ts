/**
 * Throw-away network namespaces, temp dirs and daemons, all undone at exit (also on
 * SIGINT/SIGTERM/SIGHUP); leftovers of SIGKILLed runs (dead pid in the name) are removed first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run, sleep } from './proc';

export const DAEMON_START_DEADLINE_MS = Number(process.env.DAEMON_START_DEADLINE_MS || 30000);

const cleanups: (() => void)[] = [];
export const onCleanup = (fn: () => void) => void cleanups.push(fn);
export function doCleanup(): void {
  while (cleanups.length) {
    try {
      cleanups.pop()!();
    } catch {
      /* keep going */
    }
  }
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    doCleanup();
    process.exit(130);
  });
}
process.on('exit', doCleanup);

export function killNetnsPids(ns: string): void {
  const r = run('ip', ['netns', 'pids', ns], { timeout: 5000 });
  for (const p of r.stdout.split(/\s+/).filter(Boolean)) {
    try {
      process.kill(Number(p), 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function gcStaleNetns(): void {
  const r = run('ip', ['netns', 'list'], { timeout: 5000 });
  for (const line of r.stdout.split('\n')) {
    const m = /^(dchk-(\d+)-\w+)/.exec(line.trim());
    if (m && !pidAlive(Number(m[2]))) {
      killNetnsPids(m[1]!);
      run('ip', ['netns', 'del', m[1]!], { timeout: 5000 });
    }
  }
}

function gcStaleTmp(): void {
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(os.tmpdir());
  } catch {
    return;
  }
  for (const e of entries) {
    const m = /^dchk-\w+-(\d+)-/.exec(e);
    if (m && !pidAlive(Number(m[1]))) fs.rmSync(path.join(os.tmpdir(), e), { recursive: true, force: true });
  }
}

/** A fresh netns `dchk-<pid>-<rand>` holding only `lo` (up). */
export function makeNetns(): string {
  gcStaleNetns();
  const ns = `dchk-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const r = run('ip', ['netns', 'add', ns], { timeout: 10000 });
  if (r.status !== 0) throw new Error(`ip netns add ${ns} failed: ${r.text()}`);
  onCleanup(() => {
    killNetnsPids(ns);
    run('ip', ['netns', 'del', ns], { timeout: 10000 });
  });
  run('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
  return ns;
}

export function makeTmp(tag: string): string {
  gcStaleTmp();
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `dchk-${tag}-${process.pid}-`));
  if (!process.env.DAEMONS_KEEP_TMP) onCleanup(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

/**
 * `ip` arguments that run CMD inside the netns in a private mount namespace (ip netns exec makes
 * mounts slave, so nothing propagates to the host), after the given mounts (e.g. overlays of
 * extracted package trees onto their compiled-in paths).
 */
export function nsShell(ns: string, mounts: readonly string[], cmd: string): string[] {
  const pre = mounts.map((m) => `${m} || exit 97`).join('; ');
  return ['netns', 'exec', ns, 'sh', '-c', `${pre}${pre ? '; ' : ''}exec ${cmd}`];
}

export const overlay = (lower: string, target: string) => `mount -t overlay overlay -o lowerdir=${lower}:${target} ${target}`;

export interface DaemonState {
  readonly child: ChildProcess;
  exited: boolean;
  code: number | string | null;
}

export function startDaemon(ns: string, mounts: readonly string[], cmd: string, env: NodeJS.ProcessEnv, logFile: string): DaemonState {
  const fd = fs.openSync(logFile, 'a');
  const child = spawn('ip', nsShell(ns, mounts, cmd), { env, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  const state: DaemonState = { child, exited: false, code: null };
  child.on('exit', (code, sig) => {
    state.exited = true;
    state.code = code ?? sig;
  });
  onCleanup(() => {
    if (!state.exited)
      try {
        child.kill('SIGKILL');
      } catch {
        /* gone */
      }
  });
  return state;
}

/** Poll (never a fixed sleep) until pred() holds, the daemon exits, or the deadline passes. */
export async function waitFor(pred: () => boolean, deadlineMs: number, state?: DaemonState): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (pred()) return true;
    if (state?.exited) return pred();
    await sleep(25);
  }
  return pred();
}

export async function waitExit(state: DaemonState, ms: number): Promise<boolean> {
  await waitFor(() => state.exited, ms);
  return state.exited;
}
