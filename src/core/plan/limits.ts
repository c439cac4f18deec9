/**
 * Upper bound on peers in any plan, whatever the model: it keeps share links and the wizard's cards
 * bounded. The model's own limit (tunnel interfaces, shared with the IPv4 access tunnel) is checked
 * in derive/checks/peerSet.ts and is the smaller one on NVR510/NVR700W/RTX810.
 */
export const MAX_PEERS = 16;
