import { parseArgs } from 'node:util';
import { factsToJson, type RtxFacts } from '../core/import/extractFacts';
import { importRtxConfig } from '../core/import/importRtx';
import type { ImportProblem } from '../core/import/types';
import { USED_KINDS } from '../core/import/usedNumbers';
import { both } from '../core/text/bilingual';
import { IoError, readText } from './readText';

const USAGE = `Usage: npm run import-rtx -- FILE [--format json]

  FILE            RTX configuration text (show config output, or the config file from TFTP)
  --format json   print the facts as JSON
Exit codes: 0 read (problems are listed), 2 not an RTX configuration (or binary data), 1 usage or I/O error.`;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const problemLine = (problem: ImportProblem) =>
  `${problem.level}: ${problem.line > 0 ? `line ${problem.line}: ` : ''}${both(problem.message)}${problem.text !== undefined ? `\n    ${problem.text}` : ''}`;

function describe(facts: RtxFacts): string {
  const access = facts.ipv4Access;
  const where = access.tunnel !== undefined ? ` (tunnel ${access.tunnel})` : access.pp !== undefined ? ` (pp ${access.pp})` : '';
  const list = (numbers: readonly number[]) => (numbers.length > 0 ? numbers.join(' ') : '-');
  const lines = [
    `model:          ${facts.model ?? '-'}`,
    `firmware:       ${facts.firmware ?? '-'}`,
    `WAN interface:  ${facts.wanInterface ?? '-'}${facts.wanIpv6 ? ` (${facts.wanIpv6})` : ''}`,
    `IPv4 access:    ${access.kind}${where}`,
  ];
  if (facts.pppoeFilterRoute) lines.push(`PPPoE filter route: pp ${facts.pppoeFilterRoute.pp}, filters ${list(facts.pppoeFilterRoute.filters)}`);
  for (const lan of facts.lans) lines.push(`LAN:            ${lan.interface} ${lan.address}`);
  lines.push(
    `secure filter in:  ${list(facts.secureFilter.in)}`,
    `secure filter out: ${list(facts.secureFilter.out)}${facts.secureFilter.outDynamic.length > 0 ? ` dynamic ${list(facts.secureFilter.outDynamic)}` : ''}`,
  );
  for (const kind of USED_KINDS) lines.push(`used ${kind}: ${list([...facts.used[kind].keys()].sort((a, b) => a - b))}`);
  for (const peer of facts.ipsecPeers) {
    lines.push(
      `IPsec gateway ${peer.gateway}: IKEv${peer.ikeVersion}${peer.tunnel !== undefined ? `, tunnel ${peer.tunnel}` : ''}${peer.policy !== undefined ? `, policy ${peer.policy}` : ''}, remote ${peer.remoteAddress ?? '-'} (line ${peer.line})`,
    );
  }
  if (facts.l2tpRemoteAccess) {
    const l2tp = facts.l2tpRemoteAccess;
    lines.push(`L2TP/IPsec remote access: service ${l2tp.service ? 'on' : 'off'}, tunnels ${list(l2tp.tunnels)}${l2tp.anonymousPp ? ', pp anonymous' : ''}`);
  }
  if (facts.netvolante.length > 0) lines.push(`NetVolante DNS: ${facts.netvolante.join(' ')}`);
  return lines.join('\n');
}

function main(): void {
  let parsed;
  try {
    parsed = parseArgs({ options: { format: { type: 'string' }, help: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`, 1);
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (parsed.positionals.length !== 1) fail(USAGE, 1);
  if (parsed.values.format !== undefined && parsed.values.format !== 'json') fail(`--format takes only "json"\n${USAGE}`, 1);
  const file = parsed.positionals[0]!;
  let text: string;
  try {
    text = readText(file, { shiftJis: true });
  } catch (error) {
    fail(error instanceof IoError ? error.message : String(error), 1);
  }
  const result = importRtxConfig(text);
  if (!result.facts) {
    for (const problem of result.problems) process.stderr.write(`${file}: ${problemLine(problem)}\n`);
    process.exit(2);
  }
  if (parsed.values.format === 'json') {
    process.stdout.write(`${JSON.stringify(factsToJson(result.facts, result.config.problems), null, 2)}\n`);
    return;
  }
  process.stdout.write(`${describe(result.facts)}\n`);
  for (const problem of result.problems) process.stdout.write(`${problemLine(problem)}\n`);
}

main();
