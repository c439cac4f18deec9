import { formatNetwork, isNetworkOrBroadcast, networkContains, numberToIpv4, parseIpv4Interface } from '../../net/ipv4';
import { bi } from '../../text/bilingual';
import type { Deployment } from '../deployment';
import type { Check, Report } from './check';

function checkHgw(d: Deployment, report: Report) {
  const { plan } = d;
  if (!plan.hgw.enabled) return;
  const segment = d.lans.find((lan) => lan.interface === plan.home.wanInterface);
  if (!segment) {
    report(
      'error',
      'hgw.segment',
      'hgw.enabled',
      bi(
        `HGW は RTX の ${plan.home.wanInterface} 側のセグメントにあります。${plan.home.wanInterface} の IPv4 アドレスを LAN セグメントに加えてください。`,
        `The HGW sits on the RTX's ${plan.home.wanInterface} segment; add an IPv4 address for ${plan.home.wanInterface} to the LAN segments.`,
      ),
    );
    return;
  }
  const hgw = parseIpv4Interface(`${plan.hgw.address}/32`)!.address;
  if (!networkContains(segment.network, hgw) || hgw === segment.address.address || isNetworkOrBroadcast({ address: hgw, prefix: segment.network.prefix })) {
    report(
      'error',
      'hgw.address',
      'hgw.address',
      bi(
        `HGW のアドレスは ${formatNetwork(segment.network)} の中で、RTX (${numberToIpv4(segment.address.address)}) とは別のホストアドレスにしてください。`,
        `The HGW address must be a host in ${formatNetwork(segment.network)} other than the RTX (${numberToIpv4(segment.address.address)}).`,
      ),
    );
  }
}

/** The home gateway (instructions only) must sit on the RTX's WAN segment. */
export const hgwCheck: Check = { name: 'hgw', run: checkHgw };
