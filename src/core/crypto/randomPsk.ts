import { PSK_ALPHABET } from '../plan/fields';

/**
 * A random pre-shared key from the WebCrypto generator (`crypto.getRandomValues`, present in
 * browsers and Node ≥ 19). Rejection sampling keeps every character equally likely.
 * 32 characters of a 56-letter alphabet ≈ 186 bits.
 */
export function randomPsk(length = 32): string {
  const limit = 256 - (256 % PSK_ALPHABET.length);
  let out = '';
  while (out.length < length) {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length * 2));
    for (const byte of bytes) {
      if (byte < limit && out.length < length) out += PSK_ALPHABET[byte % PSK_ALPHABET.length];
    }
  }
  return out;
}
