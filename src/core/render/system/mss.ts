import type { CryptoSuite, Encryption, Hash } from '../../crypto/algorithms';

const IV_BYTES: Readonly<Record<Encryption, number>> = { aes128: 16, aes256: 16, '3des': 8 };
const BLOCK_BYTES: Readonly<Record<Encryption, number>> = { aes128: 16, aes256: 16, '3des': 8 };
/** Truncated ICV lengths: HMAC-SHA1-96, HMAC-SHA2-256-128, -384-192, -512-256 (RFC 2404, RFC 4868). */
const ICV_BYTES: Readonly<Record<Hash, number>> = { sha1: 12, sha256: 16, sha384: 24, sha512: 32 };

const IPV6_HEADER = 40;
const ESP_HEADER = 8; // SPI + sequence number
const ESP_TRAILER = 2; // pad length + next header
const IPV4_TCP_HEADERS = 40;

/**
 * The largest inner IPv4 packet an ESP tunnel mode packet over an IPv6 path of `pathMtu` carries,
 * and the TCP MSS that fits it (linux-ipsec.md §3.5: 1422/1382 for AES-CBC + SHA1-96 at 1500).
 */
export function espTcpMss(crypto: CryptoSuite, pathMtu = 1500): number {
  const room = pathMtu - IPV6_HEADER - ESP_HEADER - IV_BYTES[crypto.espEncryption] - ICV_BYTES[crypto.espIntegrity];
  const block = BLOCK_BYTES[crypto.espEncryption];
  const innerPacket = Math.floor(room / block) * block - ESP_TRAILER;
  return innerPacket - IPV4_TCP_HEADERS;
}
