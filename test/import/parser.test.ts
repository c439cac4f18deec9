import { describe, expect, it } from 'vitest';
import { importRtxConfig } from '../../src/core/import/importRtx';
import { parseRtxConfig } from '../../src/core/import/parseRtxConfig';
import { tokenizeLine } from '../../src/core/import/tokens';
import { lowestFree } from '../../src/core/import/usedNumbers';

describe('tokenizeLine (command reference §1.5: escapes and quotes)', () => {
  it('splits on spaces and tabs', () => {
    expect(tokenizeLine('ip  lan1\taddress 192.168.10.1/24').words).toEqual(['ip', 'lan1', 'address', '192.168.10.1/24']);
  });
  it('reads double quotes, single quotes and backslash escapes', () => {
    expect(tokenizeLine('description tunnel "Alibaba Cloud"').words).toEqual(['description', 'tunnel', 'Alibaba Cloud']);
    expect(tokenizeLine('ipsec ike pre-shared-key 1 text \'a "b" \\c\'').words).toEqual(['ipsec', 'ike', 'pre-shared-key', '1', 'text', 'a "b" \\c']);
    expect(tokenizeLine('ipsec ike pre-shared-key 1 text a\\ b\\#c\\?').words).toEqual(['ipsec', 'ike', 'pre-shared-key', '1', 'text', 'a b#c?']);
    expect(tokenizeLine('x "a\\"b"').words).toEqual(['x', 'a"b']);
    expect(tokenizeLine('x ""').words).toEqual(['x', '']);
  });
  it('reports an unterminated quote and keeps the rest as one word', () => {
    expect(tokenizeLine('description tunnel "abc def')).toEqual({ words: ['description', 'tunnel', 'abc def'], unterminatedQuote: true });
  });
});

describe('parseRtxConfig', () => {
  it('reads the header comment of show config for model and firmware', () => {
    const parsed = parseRtxConfig('# RTX1220 Rev.15.04.05 (Mon Jan  1 00:00:00 2024)\nip lan1 address 192.168.1.1/24\n');
    expect(parsed.header).toEqual({ model: 'RTX1220', firmware: '15.04.05' });
  });

  it('keeps tunnel select / pp select in effect until the next select, indented or not', () => {
    const parsed = parseRtxConfig(
      ['tunnel select 3', 'ipsec tunnel 7', 'pp select anonymous', ' pp bind tunnel3', 'tunnel select none', 'ip route default gateway tunnel 3'].join('\n'),
    );
    expect(parsed.lines.map((line) => line.context)).toEqual([
      { tunnel: 3 },
      { tunnel: 3 },
      { tunnel: 3, pp: 'anonymous' },
      { tunnel: 3, pp: 'anonymous' },
      { pp: 'anonymous' },
      { pp: 'anonymous' },
    ]);
  });

  it('accepts CRLF, CR and a UTF-8 BOM', () => {
    const crlf = parseRtxConfig('\ufeff# RTX830 Rev.15.02.33\r\nip lan1 address 192.168.1.1/24\r\rtunnel select 1\r\n');
    expect(crlf.header.model).toBe('RTX830');
    expect(crlf.lines.map((line) => [line.line, line.words[0]])).toEqual([
      [2, 'ip'],
      [4, 'tunnel'],
    ]);
  });

  it('keeps an unknown command, reports it with its line, and still reads the rest', () => {
    const parsed = parseRtxConfig('ip lan1 address 192.168.1.1/24\nfrobnicate all the things\ntunnel select 2\n');
    expect(parsed.fatal).toBe(false);
    expect(parsed.lines.map((line) => line.known)).toEqual([true, false, true]);
    expect(parsed.problems).toMatchObject([{ level: 'warning', code: 'unknownCommand', line: 2, text: 'frobnicate all the things' }]);
  });

  it('does not count numbers on `no` lines as in use', () => {
    const facts = importRtxConfig('no tunnel select 5\nno ip filter 100\ntunnel select 1\n').facts!;
    expect([...facts.used.tunnels.keys()]).toEqual([1]);
    expect([...facts.used.ipFilters.keys()]).toEqual([]);
  });

  it('refuses text in which no line is an RTX command', () => {
    const result = importRtxConfig('Dear router,\nplease work.\n\nThanks');
    expect(result.facts).toBeUndefined();
    expect(result.problems).toMatchObject([{ level: 'error', code: 'notRtx', line: 0 }]);
  });

  it('refuses binary data and oversized text', () => {
    expect(importRtxConfig('PK\u0003\u0004\u0000\u0000ip lan1 address').problems[0]!.code).toBe('binary');
    expect(importRtxConfig('\ufffd'.repeat(200) + '\nip lan1 address 1.1.1.1/24').problems[0]!.code).toBe('binary');
    expect(importRtxConfig('x'.repeat(4 * 1024 * 1024 + 1)).problems[0]!.code).toBe('tooLarge');
    expect(importRtxConfig('').problems[0]!.code).toBe('notRtx');
  });

  it('skips a line with control characters or over 4095 characters, saying which', () => {
    const parsed = parseRtxConfig(`ip lan1 address 192.168.1.1/24\nip lan2 address\u0007 10.0.0.1/24\nip filter 1 pass ${'*'.repeat(4100)}\n`);
    expect(parsed.problems.map((problem) => [problem.code, problem.line])).toEqual([
      ['controlCharacters', 2],
      ['lineTooLong', 3],
    ]);
    expect(parsed.problems[0]!.text).toBe('ip lan2 address\\x07 10.0.0.1/24');
    expect(parsed.lines).toHaveLength(1);
  });
});

describe('facts', () => {
  it('takes the gateway id of every ipsec ike form, and no id from global ones', () => {
    const facts = importRtxConfig(
      [
        'ipsec ike duration ipsec-sa 4 3600',
        'ipsec ike keepalive use 5 on dpd 10 6',
        'ipsec ike local address 6 2001:db8::1',
        'ipsec ike retry 10 5',
        'ipsec auto refresh 7 off',
      ].join('\n'),
    ).facts!;
    expect([...facts.used.ikeGateways.keys()].sort((a, b) => a - b)).toEqual([4, 5, 6, 7]);
  });

  it('remembers the first line that uses each number', () => {
    const facts = importRtxConfig('ip lan1 address 192.168.1.1/24\nipv6 lan2 secure filter in 1 2\nipv6 filter 2 pass * *\n').facts!;
    expect(facts.used.ipv6Filters.get(2)).toBe(2);
  });

  it('reads IKEv2 peers and tells the WAN from NGN lines over a PPPoE one', () => {
    const facts = importRtxConfig(
      [
        'pp select 1',
        ' pppoe use lan3',
        'ngn type lan2 ntt',
        'tunnel select 4',
        ' ipsec tunnel 40',
        '  ipsec sa policy 40 9 esp aes256-cbc sha256-hmac',
        '  ipsec ike version 9 2',
        '  ipsec ike remote address 9 2001:db8:2::1',
      ].join('\n'),
    ).facts!;
    expect(facts.wanInterface).toBe('lan2');
    expect(facts.ipsecPeers).toEqual([{ gateway: 9, ikeVersion: 2, line: 6, policy: 40, remoteAddress: '2001:db8:2::1', tunnel: 4 }]);
  });
});

describe('lowestFree', () => {
  it('finds the lowest number at or above the start that is free for the whole width', () => {
    const used = new Map([
      [2, 1],
      [3, 1],
      [5, 1],
    ]);
    expect(lowestFree(used, 1, 100)).toBe(1);
    expect(lowestFree(used, 2, 100)).toBe(4);
    expect(lowestFree(used, 2, 100, 2)).toBe(6);
    expect(lowestFree(used, 5, 5)).toBeUndefined();
  });
});
