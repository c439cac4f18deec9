import { bi } from '../../text/bilingual';
import type { Deployment } from '../deployment';
import { peerPath, type Check, type Report } from './check';

function checkTunnelTimers(d: Deployment, report: Report) {
  const tunnel = d.peer.tunnel;
  if (tunnel.ikeLifetime < tunnel.childLifetime) {
    report(
      'warning',
      'lifetime.order',
      peerPath(d, 'tunnel.ikeLifetime'),
      bi(
        'IKE SA の寿命が IPsec SA より短いと、RTX は IKE SA の寿命を IPsec SA に合わせて延ばします。IKE SA を長くしてください。',
        'With an IKE SA lifetime shorter than the IPsec SA’s, the RTX stretches it to the IPsec SA’s; make the IKE SA lifetime the longer one.',
      ),
    );
  }
  if (d.crypto.ikeVersion === 1 && tunnel.dpd.timeout <= tunnel.dpd.delay) {
    report(
      'error',
      'dpd.timeout',
      peerPath(d, 'tunnel.dpd.timeout'),
      bi('DPD のタイムアウトは間隔より長くしてください。', 'The DPD timeout must be longer than the DPD delay.'),
    );
  }
}

/** Lifetimes and DPD timers that the two sides would otherwise interpret differently. */
export const timersCheck: Check = { name: 'timers', run: checkTunnelTimers };
