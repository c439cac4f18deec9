/**
 * Issue 13's budget: reading a 5,000-line RTX configuration takes under 50 ms in the page. The
 * page's parser is this same module run by V8; measured here in Node on a configuration shaped
 * like a big real one (filters, tunnels with IPsec, PPs, NAT), median of 20 after a warm-up.
 */
import { performance } from 'node:perf_hooks';
import { importRtxConfig } from '../src/core/import/importRtx';

export function bigRtxConfig(lineCount: number): string {
  const lines = [
    '# RTX1220 Rev.15.04.05 (Mon Jan  1 00:00:00 2024)',
    'ip lan1 address 192.168.10.1/24',
    'ngn type lan2 ntt',
    'ip route default gateway tunnel 1',
  ];
  lines.push('ipv6 lan2 secure filter in 101000 101001 101002', 'ipv6 lan2 secure filter out 101099 dynamic 101080 101081 101098 101099');
  for (let n = 1; lines.length < lineCount; n++) {
    lines.push(
      `tunnel select ${n}`,
      ` description tunnel "site ${n}"`,
      ` ipsec tunnel ${n}`,
      `  ipsec sa policy ${n} ${n} esp aes256-cbc sha256-hmac`,
      `  ipsec ike encryption ${n} aes256-cbc`,
      `  ipsec ike pre-shared-key ${n} text secret\\#${n}`,
      `  ipsec ike remote address ${n} 2001:db8:${n.toString(16)}::1`,
      ` tunnel enable ${n}`,
      `ip route 10.${n % 256}.0.0/16 gateway tunnel ${n}`,
      `ip filter ${200000 + n} pass * 192.168.10.0/24 tcp * ${n % 65536}`,
      `ipv6 filter ${300000 + n} pass 2001:db8:${n.toString(16)}::1 * esp * *`,
      `nat descriptor masquerade static 1000 ${n} 192.168.10.${n % 250} tcp ${n % 65536}`,
    );
  }
  return lines.slice(0, lineCount).join('\r\n');
}

/** Median milliseconds to read a 5,000-line configuration into facts. */
export function measureRtxImport(): number {
  const text = bigRtxConfig(5000);
  for (let i = 0; i < 5; i++) importRtxConfig(text);
  const times = Array.from({ length: 20 }, () => {
    const start = performance.now();
    importRtxConfig(text);
    return performance.now() - start;
  }).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
