import { parseArgs } from 'node:util';
import { randomPsk } from '../core/crypto/randomPsk';
import { generate } from '../core/generate';
import { zipBundle } from '../core/bundle/zipBundle';
import { both } from '../core/text/bilingual';
import type { GeneratedFile } from '../core/bundle/types';
import { applyImport } from '../core/import/applyImport';
import { importRtxConfig } from '../core/import/importRtx';
import type { Plan } from '../core/plan/schema';
import { withKeyFilesPrivate } from './keyFiles';
import { IoError, readText } from './readText';
import { writeBundleFolder, writeZipFile } from './writeOutput';

const USAGE = `Usage: npm run generate -- --plan FILE [--out DIR] [--zip FILE] [--force] [--format json] [--generate-psk]

  --plan FILE       plan JSON (the same file the wizard saves)
  --out DIR         write every bundle file under DIR (a new or empty folder)
  --zip FILE        write the bundle as a zip (a new file; mode 0600, it holds the key)
  --force           replace a non-empty --out folder or an existing --zip file
  --rtx-config FILE the router's configuration (show config): refuse numbers it uses, add only what is missing
  --format json     print the bundle (files and findings) as JSON on stdout
  --generate-psk    fill an empty pre-shared key with a random one (WebCrypto)
Exit codes: 0 ok, 2 invalid plan (one "path: message" line per problem), 1 usage or I/O error.`;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        plan: { type: 'string' },
        out: { type: 'string' },
        zip: { type: 'string' },
        format: { type: 'string' },
        'generate-psk': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'rtx-config': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`, 1);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!args.plan) fail(USAGE, 1);
  if (args.format !== undefined && args.format !== 'json') fail(`--format takes only "json"\n${USAGE}`, 1);
  if (!args.out && !args.zip && !args.format) fail(`Say where the bundle goes: --out, --zip or --format json\n${USAGE}`, 1);

  let input: unknown;
  try {
    // readText drops a UTF-8 BOM, as the browser's file reader does.
    input = JSON.parse(readText(args.plan));
  } catch (error) {
    fail(error instanceof IoError ? error.message : `${args.plan}: JSON ではありません / not JSON: ${(error as Error).message}`, 1);
  }
  if (args['generate-psk']) input = withGeneratedPsk(input);

  const bundle = generate(input);
  const errors = bundle.findings.filter((finding) => finding.level === 'error');
  for (const finding of bundle.findings.filter((f) => f.level !== 'error')) {
    process.stderr.write(`${finding.level}: ${finding.path}: ${both(finding.message)}\n`);
  }
  if (errors.length > 0) {
    for (const finding of errors) process.stderr.write(`${finding.path}: ${both(finding.message)}\n`);
    process.exit(2);
  }
  const name = bundle.plan!.peers[0]!.name;
  const generated = args['rtx-config'] ? againstRouter(bundle.plan!, bundle.files, args['rtx-config']) : bundle.files;
  const files = withKeyFilesPrivate(
    generated,
    bundle.plan!.peers.map((peer) => peer.tunnel.psk),
  );
  if (args.out) writeBundleFolder(args.out, files, args.force);
  if (args.zip) writeZipFile(args.zip, await zipBundle(name, files), args.force);
  if (args.format === 'json') process.stdout.write(`${JSON.stringify({ files, findings: bundle.findings }, null, 2)}\n`);
}

/** `--rtx-config`: the router's configuration decides which numbers are free and which lines exist. */
function againstRouter(plan: Plan, files: readonly GeneratedFile[], path: string): readonly GeneratedFile[] {
  const imported = importRtxConfig(readText(path, { shiftJis: true }));
  if (!imported.facts) {
    for (const problem of imported.problems) process.stderr.write(`${path}: ${both(problem.message)}\n`);
    process.exit(2);
  }
  const result = applyImport(plan, files, imported);
  for (const finding of result.findings.filter((f) => f.level !== 'error'))
    process.stderr.write(`${finding.level}: ${finding.path}: ${both(finding.message)}\n`);
  const errors = result.findings.filter((finding) => finding.level === 'error');
  if (errors.length > 0) {
    for (const finding of errors) process.stderr.write(`${finding.path}: ${both(finding.message)}\n`);
    process.exit(2);
  }
  for (const change of result.changes) process.stderr.write(`info: router line ${change.line}: ${both(change.note)}\n`);
  return result.files;
}

function withGeneratedPsk(input: unknown): unknown {
  const plan = input as { peers?: { tunnel?: { psk?: string } }[] };
  for (const peer of plan?.peers ?? []) {
    if (peer?.tunnel && !peer.tunnel.psk) peer.tunnel.psk = randomPsk();
  }
  return input;
}

main().catch((error: unknown) => fail(error instanceof IoError ? error.message : `internal error: ${(error as Error).message}`, 1));
