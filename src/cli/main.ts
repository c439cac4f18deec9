import { parseArgs } from 'node:util';
import { randomPsk } from '../core/crypto/randomPsk';
import { generate } from '../core/generate';
import { zipBundle } from '../core/bundle/zipBundle';
import { both } from '../core/text/bilingual';
import { withKeyFilesPrivate } from './keyFiles';
import { IoError, readText } from './readText';
import { writeBundleFolder, writeZipFile } from './writeOutput';

const USAGE = `Usage: npm run generate -- --plan FILE [--out DIR] [--zip FILE] [--force] [--format json] [--generate-psk]

  --plan FILE       plan JSON (the same file the wizard saves)
  --out DIR         write every bundle file under DIR (a new or empty folder)
  --zip FILE        write the bundle as a zip (a new file; mode 0600, it holds the key)
  --force           replace a non-empty --out folder or an existing --zip file
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
  const files = withKeyFilesPrivate(
    bundle.files,
    bundle.plan!.peers.map((peer) => peer.tunnel.psk),
  );
  if (args.out) writeBundleFolder(args.out, files, args.force);
  if (args.zip) writeZipFile(args.zip, await zipBundle(name, files), args.force);
  if (args.format === 'json') process.stdout.write(`${JSON.stringify({ files, findings: bundle.findings }, null, 2)}\n`);
}

function withGeneratedPsk(input: unknown): unknown {
  const plan = input as { peers?: { tunnel?: { psk?: string } }[] };
  for (const peer of plan?.peers ?? []) {
    if (peer?.tunnel && !peer.tunnel.psk) peer.tunnel.psk = randomPsk();
  }
  return input;
}

main().catch((error: unknown) => fail(error instanceof IoError ? error.message : `internal error: ${(error as Error).message}`, 1));
