import { fail, isIpv6Token } from './tokens';

/** One ipsec.secrets(5) entry: the two IDs (here the IPv6 endpoints) and the pre-shared key. */
export interface PskSecret {
  readonly local: string;
  readonly remote: string;
  readonly psk: string;
}

/**
 * libreswan secrets: `<id> <id> : PSK "<key>"`. The PSK alphabet excludes `"` and line breaks, so
 * the quoted form is always exact (linux-ipsec.md §1.8); anything else is refused here too.
 */
export function serializeLibreswanSecrets(secrets: readonly PskSecret[]): string {
  const lines = secrets.map(({ local, remote, psk }) => {
    if (!isIpv6Token(local)) fail('secrets', 'local ID', local);
    // The remote ID is the RTX's address, or `@<fqdn>` for a home named by DNS (issue 12).
    if (!isIpv6Token(remote) && !/^@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{1,63}$/.test(remote)) fail('secrets', 'remote ID', remote);
    if (!/^[\x20-\x7e]+$/.test(psk) || psk.includes('"')) fail('secrets', 'PSK (unprintable or with a quote)', '…');
    return `${local} ${remote} : PSK "${psk}"`;
  });
  return `${lines.join('\n')}\n`;
}
