import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../src/core/bundle/types';
import { STACKS, VPS_TARGETS } from '../../src/core/caps/targets';
import { generate } from '../../src/core/generate';
import { loadExamples } from './support/examples';
import { lexShell, shellLineViolation } from './support/shellGrammar';
import { iptablesRestoreGrammarViolations, nftGrammarViolations, systemGrammarFor } from './support/systemGrammars';

/** Every system file of every example and every target × stack, through its dialect's grammar. */
function bundles(): { name: string; files: readonly GeneratedFile[] }[] {
  const matrix = VPS_TARGETS.flatMap((target) =>
    STACKS.map((stack) => ({
      name: `${target} ${stack}`,
      files: generate({ peers: [{ name: 'gram', vps: { target, stack }, tunnel: { psk: 'Grammar-Check-Key-0123456789abcdef' } }] }).files,
    })),
  );
  return [...loadExamples().map(({ name, plan }) => ({ name, files: generate(plan).files })), ...matrix].filter((b) => b.files.length > 0);
}

describe('system file grammars', () => {
  it.each(bundles())('every line of $name conforms', ({ files }) => {
    const checked = files.filter((file) => systemGrammarFor(file));
    expect(checked.length).toBeGreaterThanOrEqual(3);
    for (const file of checked) expect(systemGrammarFor(file)!(file.content), file.path).toEqual([]);
  });

  it('every firewall and NIC dialect is covered by some target', () => {
    const paths = bundles().flatMap((b) => b.files.map((file) => file.path));
    for (const pattern of [/\.nft$/, /iptables\.rules$/, /ufw-before-mangle/, /ifcfg-/, /route-/, /netplan/, /interfaces\.d/]) {
      expect(
        paths.some((path) => pattern.test(path)),
        String(pattern),
      ).toBe(true);
    }
  });
});

describe('the grammars refuse what they should', () => {
  it('sh: a value that escaped its quotes is an unknown command or a stray operator', () => {
    expect(shellLineViolation(`grep -q 'a' /etc/x`)).toBeUndefined();
    expect(shellLineViolation(`echo 'a'; reboot`)).toMatch(/unknown command/);
    expect(shellLineViolation(`echo 'a`)).toMatch(/unterminated/);
    expect(shellLineViolation('echo `id`')).toMatch(/unquoted/);
    expect(shellLineViolation('echo a & rm -rf /')).toMatch(/unquoted/);
    expect(shellLineViolation(`echo "$(reboot)"`)).toMatch(/unknown command/);
    expect(shellLineViolation(`ufw allow from 2001:db8::1; to x`)).toMatch(/bad ufw|unknown/);
    expect(shellLineViolation(`firewall-cmd --permanent '--add-rich-rule=rule family="ipv6" source address="x" service name="ipsec" accept'`)).toMatch(
      /firewall-cmd/,
    );
    expect(lexShell(`a 'b c' "d $X"`).map((t) => (t.kind === 'word' ? t.value : t.op))).toEqual(['a', 'b c', 'd $X']);
  });

  it('nft: a rule with an unknown expression, a bad address or an open block', () => {
    const table = (rule: string) => `table inet t {\n  chain input {\n    type filter hook input priority 0; policy accept;\n    ${rule}\n  }\n}\n`;
    expect(nftGrammarViolations(table('ip6 saddr != 2400::1 meta l4proto esp drop'))).toEqual([]);
    expect(nftGrammarViolations(table('ip6 saddr 2400::1 ; flush ruleset'))).toHaveLength(1);
    expect(nftGrammarViolations(table('ip saddr 10.0.0.256 drop'))).toHaveLength(1);
    expect(nftGrammarViolations('table inet t {\n')).toContain('unclosed block');
  });

  it('iptables-restore: undeclared chains, unknown options and a missing COMMIT', () => {
    expect(iptablesRestoreGrammarViolations('*filter\n:X - [0:0]\n-A X -p esp -j ACCEPT\nCOMMIT\n')).toEqual([]);
    expect(iptablesRestoreGrammarViolations('*filter\n-A Y -p esp -j ACCEPT\nCOMMIT\n')).toHaveLength(1);
    expect(iptablesRestoreGrammarViolations('*filter\n-A INPUT -p esp --foo -j ACCEPT\nCOMMIT\n')).toHaveLength(1);
    expect(iptablesRestoreGrammarViolations('*filter\n')).toContain('table without COMMIT');
  });
});
