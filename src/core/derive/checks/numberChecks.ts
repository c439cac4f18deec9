import { bi } from '../../text/bilingual';
import { vpsFilterNumbers, type Deployment } from '../deployment';
import { peerPath, type Check, type Report } from './check';

function checkNumbers(d: Deployment, report: Report) {
  const { plan, peer, router } = d;
  const tunnel = peer.tunnel;
  for (const [key, value] of [
    ['tunnelId', tunnel.tunnelId],
    ['gatewayId', tunnel.gatewayId],
  ] as const) {
    if (value > router.maxTunnels) {
      report(
        'error',
        'router.tunnelRange',
        peerPath(d, `tunnel.${key}`),
        bi(`${router.model} で使える番号は 1〜${router.maxTunnels} です。`, `${router.model} accepts 1 to ${router.maxTunnels} here.`),
      );
    }
  }
  const access = plan.home.ipv4Access;
  if (access.kind !== 'none' && access.tunnelId === tunnel.tunnelId) {
    report(
      'error',
      'tunnel.conflict',
      peerPath(d, 'tunnel.tunnelId'),
      bi(
        `tunnel ${tunnel.tunnelId} は IPv4 接続 (${access.kind}) で使用中です。別の番号にしてください。`,
        `tunnel ${tunnel.tunnelId} is already used by the IPv4 access (${access.kind}); choose another number.`,
      ),
    );
  }
  if (plan.home.pppoe.enabled) {
    if (plan.home.pppoe.pp > router.maxPp) {
      report(
        'error',
        'router.ppRange',
        'home.pppoe.pp',
        bi(`${router.model} の PP 番号は 1〜${router.maxPp} です。`, `${router.model} PP numbers are 1 to ${router.maxPp}.`),
      );
    }
    if (access.kind === 'none') {
      report(
        'info',
        'pppoe.noFilterRoute',
        'home.pppoe.enabled',
        bi(
          'IPv4 が PPPoE だけなので、フィルタ型ルーティングは不要です (既定経路が pp のままです)。',
          'IPv4 runs over PPPoE only, so no filter-type route is needed (the default route stays on the pp).',
        ),
      );
    }
  }
  const ours = vpsFilterNumbers(plan);
  const existing = plan.home.filters.inbound;
  if (existing.length === 0) {
    report(
      'warning',
      'filters.noSecureFilter',
      'home.filters.inbound',
      bi(
        `${plan.home.wanInterface} に IPv6 の secure filter in がないため、VPS 用のフィルタは追加しません (すべて通過します)。WAN 側は無防備です。Web GUI のかんたん設定が入れる標準のフィルタ (101000 101001 101002 など) を設定することを勧めます。`,
        `${plan.home.wanInterface} has no IPv6 secure filter in, so no VPS filter is added (everything passes already). The WAN is unprotected: the standard filters the Web GUI sets (101000 101001 101002…) are recommended.`,
      ),
    );
  }
  if (ours.some((number) => existing.includes(number))) {
    report(
      'warning',
      'filters.reused',
      'home.filters.vpsFilterBase',
      bi(
        `フィルタ番号 ${ours.join(', ')} は既存のリストにあります。その番号の既存の定義は置き換えられます。`,
        `Filter numbers ${ours.join(', ')} are already in the list; their existing definitions will be replaced.`,
      ),
    );
  }
  if (new Set([...existing, ...ours]).size > 129) {
    report('error', 'filters.tooMany', 'home.filters.inbound', bi('フィルタリストが 129 個を超えます。', 'The filter list would exceed 129 entries.'));
  }
}

/** Router numbers (tunnel, gateway, pp, filters) within the model's ranges and free of clashes. */
export const numbersCheck: Check = { name: 'numbers', run: checkNumbers };
