/** What every check prints: one JSON object on stdout (see ../README.md). */
export interface CheckResult {
  ok: boolean;
  tool: string;
  details: string;
  log?: string;
  /** true when the check could not run meaningfully (networkd) and was skipped */
  skipped?: boolean;
}

export type Check = (args: string[]) => CheckResult | Promise<CheckResult>;

export function printResult(res: CheckResult): void {
  const o: CheckResult = { ok: !!res.ok, tool: res.tool, details: res.details || '', log: res.log || '' };
  if (res.skipped) o.skipped = true;
  process.stdout.write(JSON.stringify(o) + '\n');
}

/** `PROBLEMS:` and one indented line per reason, or the success line. */
export const problemsOr = (problems: readonly string[], success: string, indent = '  '): string[] =>
  problems.length ? ['PROBLEMS:', ...problems.map((p) => indent + p)] : [success];
