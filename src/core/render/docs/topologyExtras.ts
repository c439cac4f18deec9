import type { Deployment } from '../../derive/deployment';
import { portText, topologyOf, vpsSelectorText } from '../../derive/topology';
import { formatInterface, formatNetwork } from '../../net/ipv4';

/*
 * What the diagram adds for issue 11: the forwarded ports and the egress path in the VPS box, the
 * dummy interface in single-NIC mode. Nothing when those features are off, so the diagram of a plan
 * without them is unchanged.
 */

export interface ExtraLine {
  readonly text: string;
  readonly kind: 'title' | 'mono' | 'muted';
}

const MAX_FORWARDS_SHOWN = 6;

export function vpsExtraLines(d: Deployment): ExtraLine[] {
  const topology = topologyOf(d);
  const lines: ExtraLine[] = [];
  if (topology.forwards.length > 0) {
    lines.push({ text: `公開ポート / forwards (${topology.returnPath === 'snat' ? 'SNAT' : 'client address kept'})`, kind: 'muted' });
    for (const forward of topology.forwards.slice(0, MAX_FORWARDS_SHOWN)) {
      lines.push({
        text: `${forward.protocol}/${portText(forward.publicFrom, forward.publicTo)} → ${forward.hostText}:${portText(forward.hostFrom, forward.hostTo)}`,
        kind: 'mono',
      });
    }
    if (topology.forwards.length > MAX_FORWARDS_SHOWN) lines.push({ text: `… +${topology.forwards.length - MAX_FORWARDS_SHOWN}`, kind: 'muted' });
  }
  if (topology.egressSources.length > 0) {
    lines.push({ text: `出口 / egress → IPv4 Internet (masquerade)`, kind: 'muted' });
    lines.push({ text: topology.egressSources.map(formatNetwork).join(', '), kind: 'mono' });
  }
  return lines;
}

/** The inner-address line of the VPS box: the private NIC, or the dummy of a single-NIC VPS. */
export function innerLine(d: Deployment): string {
  const topology = topologyOf(d);
  return `${topology.innerInterface}${topology.singleNic ? ' (dummy)' : ''} ${formatInterface(d.vpsAddress)}`;
}

/** The caption under the private-segment box. */
export function innerSegmentCaption(d: Deployment): string {
  const topology = topologyOf(d);
  return topology.singleNic ? `${topology.innerInterface}: 1 NIC, no switch` : `${topology.innerInterface} segment`;
}

export const vpsSideSelector = (d: Deployment): string => vpsSelectorText(d);
