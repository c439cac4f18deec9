/**
 * DNS names as the home's identity (issue 12). RFC 1035 §2.3.1 / RFC 1123 §2.1 host names: labels of
 * 1–63 letters, digits and hyphens, not starting or ending with a hyphen, at most 253 characters in
 * all; at least two labels, and a top-level label that is not all digits (RFC 3696 §2), so that an
 * IPv4 literal is never taken for a name.
 */
export type FqdnProblem = 'empty' | 'length' | 'label' | 'single-label' | 'numeric-tld';

export function fqdnProblem(text: string): FqdnProblem | undefined {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name.length === 0) return 'empty';
  if (name.length > 253) return 'length';
  const labels = name.split('.');
  if (labels.some((label) => !/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label))) return 'label';
  if (labels.length < 2) return 'single-label';
  if (/^\d+$/.test(labels[labels.length - 1]!)) return 'numeric-tld';
  return undefined;
}

/**
 * A NetVolante DNS host address name: `<host>.<subdomain>.netvolante.jp`, the host being what the
 * RTX registers (1–63 letters, digits, hyphens) and the subdomain the one the server assigned
 * (YAMAHA コマンドリファレンス §34.6). Returns the host label, or undefined for another shape.
 */
export function netvolanteHost(fqdn: string): string | undefined {
  const match = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.[a-z0-9]+\.netvolante\.jp\.?$/.exec(fqdn.toLowerCase());
  return match?.[1];
}
