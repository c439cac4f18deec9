import type { Deployment } from '../../../derive/deployment';
import type { VpsPiece } from '../piece';
import { firewalldPiece } from './firewalldPiece';
import { firewallIntent } from './intent';
import { iptablesPiece } from './iptablesPiece';
import { nftablesPiece } from './nftablesPiece';
import { ufwPiece } from './ufwPiece';

const BY_TOOL = { iptables: iptablesPiece, nftables: nftablesPiece, firewalld: firewalldPiece, ufw: ufwPiece } as const;

/** The firewall piece for the target's tool, from one tool-independent intent. */
export function firewallPiece(d: Deployment): VpsPiece {
  return BY_TOOL[d.target.firewall](firewallIntent(d));
}
