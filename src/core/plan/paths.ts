/**
 * Field paths as findings carry them (`peers.1.tunnel.psk`): built here, never by hand, so that a
 * check written for one peer names the right peer in a plan with several.
 */
export const fieldPath = (...parts: readonly (string | number)[]): string => parts.join('.');

/** The plan paths of one peer's parts. */
export interface PeerPaths {
  /** `peers.<i>` (name, description, backup). */
  readonly peer: string;
  readonly vps: string;
  readonly tunnel: string;
  readonly crypto: string;
}

export function peerPaths(index: number): PeerPaths {
  const peer = fieldPath('peers', index);
  return { peer, vps: fieldPath(peer, 'vps'), tunnel: fieldPath(peer, 'tunnel'), crypto: fieldPath(peer, 'tunnel', 'crypto') };
}
