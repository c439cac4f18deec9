/** Running programs synchronously and small text helpers (no state). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly error: string;
  /** stdout + stderr (+ spawn error), trimmed */
  text(): string;
}

export function run(cmd: string, args: readonly string[], opts: { timeout?: number; input?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    timeout: opts.timeout ?? 30000,
    input: opts.input,
    env: opts.env ?? process.env,
    killSignal: 'SIGKILL',
  });
  const error = r.error ? String(r.error.message || r.error) : '';
  const stdout = r.stdout || '';
  const stderr = r.stderr || '';
  return { status: r.status, stdout, stderr, error, text: () => (stdout + stderr + (error ? `\n[spawn error] ${error}` : '')).trim() };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export const which = (cmd: string): boolean => run('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Safety rule: daemons only ever get documentation addresses. */
export const in2001db8 = (addr: string): boolean => /^2001:0?db8:/i.test(addr) || /^2001:db8::/i.test(addr);

/** Single-quote for sh. */
export const q = (s: string | number): string => `'${String(s).replace(/'/g, `'\\''`)}'`;

export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
