import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../src/core/bundle/types';
import { generate } from '../../src/core/generate';
import { loadExamples } from './support/examples';
import { crossSideViolations } from './support/invariants';

const examples = loadExamples();

function mutate(files: readonly GeneratedFile[], pathPattern: RegExp, from: string | RegExp, to: string): GeneratedFile[] {
  let changed = false;
  const out = files.map((file) => {
    if (!pathPattern.test(file.path)) return file;
    const content = file.content.replace(from, to);
    changed ||= content !== file.content;
    return { ...file, content };
  });
  if (!changed) throw new Error(`mutation ${String(from)} did not apply`);
  return out;
}

describe('cross-side invariants', () => {
  it.each(examples)('hold for $name', ({ plan }) => {
    expect(crossSideViolations(generate(plan).files)).toEqual([]);
  });

  it.each([
    ['a PSK changed on the VPS', /\.secrets$|swanctl/, /PSK "([^"]*)"|secret = "([^"]*)"/, 'PSK "other-key-0000"', 'PSK'],
    ['an IKE hash changed on the RTX', /rtx-config/, /ipsec ike hash 1 \S+/, 'ipsec ike hash 1 md5', 'IKE proposal'],
    ['an ESP cipher changed on the RTX', /rtx-config/, /esp aes-cbc|esp aes256-cbc/, 'esp 3des-cbc', 'ESP proposal'],
    ['the VPS subnet route changed on the RTX', /rtx-config/, /ip route 192\.168\.20\.0\/24/, 'ip route 192.168.30.0/24', 'VPS subnet'],
    ['a LAN address changed on the RTX', /rtx-config/, /ip lan1 address 192\.168\.10\.1\/24/, 'ip lan1 address 192.168.12.1/24', 'home subnets'],
    ['the IKE lifetime changed on the VPS', /ipsec\.d\/.*\.conf$|swanctl/, /ikelifetime=28800s|rekey_time = 28800s/, 'ikelifetime=3600s', 'IKE lifetime'],
  ])('detect %s', (_what, pathPattern, from, to, reported) => {
    for (const { plan } of examples.filter((example) => example.name === 'seed')) {
      const broken = mutate(generate(plan).files, pathPattern, from, to);
      expect(crossSideViolations(broken).join('\n')).toContain(reported);
    }
  });
});
