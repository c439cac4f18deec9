import type { Finding } from '../../findings';
import { formatNetwork, networksOverlap } from '../../net/ipv4';
import { fieldPath } from '../../plan/paths';
import { bi } from '../../text/bilingual';
import { routeFilterCount } from '../topology';
import type { Deployment } from '../deployment';
import type { CheckCode } from './codes';
import { peerLimit } from '../peerLimit';

/*
 * What only the set of peers can get wrong (issue 12): more tunnels than the router has, two peers
 * with one address, name or number, VPS networks that overlap without being a declared failover
 * pair. One-peer plans never produce a finding here.
 */

const error = (code: CheckCode, path: string, message: ReturnType<typeof bi>): Finding => ({ level: 'error', code, path, message });

function checkCount(ds: readonly Deployment[]): Finding[] {
  const plan = ds[0]!.plan;
  const limit = peerLimit(plan);
  if (ds.length <= limit) return [];
  const access = plan.home.ipv4Access.kind === 'none' ? '' : ` (tunnel ${plan.home.ipv4Access.tunnelId} は ${plan.home.ipv4Access.kind} で使用中)`;
  const accessEn = plan.home.ipv4Access.kind === 'none' ? '' : ` (tunnel ${plan.home.ipv4Access.tunnelId} is taken by ${plan.home.ipv4Access.kind})`;
  return [
    error(
      'peers.tooMany',
      'peers',
      bi(
        `${plan.router.model} で作れるトンネルは ${limit} 本まで${access}です。VPS を ${ds.length - limit} 台減らすか、トンネル数の多い機種を選んでください。`,
        `${plan.router.model} takes at most ${limit} tunnels here${accessEn}; remove ${ds.length - limit} VPS(es) or choose a model with more tunnels.`,
      ),
    ),
  ];
}

/** The first earlier peer whose value equals this one's, for "same as peers.N" messages. */
function duplicates<T>(ds: readonly Deployment[], value: (d: Deployment) => T): { d: Deployment; first: Deployment }[] {
  const seen = new Map<T, Deployment>();
  const out: { d: Deployment; first: Deployment }[] = [];
  for (const d of ds) {
    const key = value(d);
    const first = seen.get(key);
    if (first) out.push({ d, first });
    else seen.set(key, d);
  }
  return out;
}

function checkUnique(ds: readonly Deployment[]): Finding[] {
  const findings: Finding[] = [];
  for (const { d, first } of duplicates(ds, (d) => d.peer.name)) {
    findings.push(
      error(
        'peers.duplicateName',
        fieldPath(d.paths.peer, 'name'),
        bi(
          `接続名 ${d.peer.name} は ${first.paths.peer} と同じです。接続名は VPS 側のファイル名にもなるので、別の名前にしてください。`,
          `The connection name ${d.peer.name} is the same as ${first.paths.peer}'s; it also names the VPS files, so choose another.`,
        ),
      ),
    );
  }
  for (const { d, first } of duplicates(ds, (d) => d.vpsIpv6)) {
    findings.push(
      error(
        'peers.duplicateAddress',
        fieldPath(d.paths.vps, 'ipv6'),
        bi(
          `VPS の IPv6 アドレス ${d.vpsIpv6} は ${first.paths.peer} と同じです。1 台の VPS へのトンネルは 1 本にし、別の VPS にはそのアドレスを入力してください。`,
          `The VPS IPv6 address ${d.vpsIpv6} is the same as ${first.paths.peer}'s; keep one tunnel per VPS and enter the other VPS's own address.`,
        ),
      ),
    );
  }
  for (const key of ['tunnelId', 'gatewayId', 'policyId'] as const) {
    for (const { d, first } of duplicates(ds, (d) => d.peer.tunnel[key])) {
      findings.push(
        error(
          'peers.numberCollision',
          fieldPath(d.paths.tunnel, key),
          bi(
            `${key} ${d.peer.tunnel[key]} は ${first.paths.peer} でも使われています。VPS ごとに別の番号にしてください (例: ${Math.max(...ds.map((x) => x.peer.tunnel[key])) + 1})。`,
            `${key} ${d.peer.tunnel[key]} is also used by ${first.paths.peer}; give each VPS its own number (e.g. ${Math.max(...ds.map((x) => x.peer.tunnel[key])) + 1}).`,
          ),
        ),
      );
    }
  }
  return findings;
}

function checkNetworks(ds: readonly Deployment[]): Finding[] {
  const findings: Finding[] = [];
  ds.forEach((d, index) => {
    const path = fieldPath(d.paths.vps, 'privateAddress');
    for (const other of ds.slice(0, index)) {
      if (!networksOverlap(d.vpsNetwork, other.vpsNetwork)) continue;
      const same = formatNetwork(d.vpsNetwork) === formatNetwork(other.vpsNetwork);
      if (same && d.peer.backup) continue;
      findings.push(
        error(
          same ? 'peers.sameNetwork' : 'peers.overlap',
          path,
          same
            ? bi(
                `${formatNetwork(d.vpsNetwork)} は ${other.paths.peer} と同じネットワークです。同じネットワークの予備の VPS なら「予備 (バックアップ)」にしてください。そうでなければ重ならないネットワークにしてください。`,
                `${formatNetwork(d.vpsNetwork)} is ${other.paths.peer}'s network too. If this VPS is a standby for it, mark it as backup (${fieldPath(d.paths.peer, 'backup')}); otherwise use a network that does not overlap.`,
              )
            : bi(
                `${formatNetwork(d.vpsNetwork)} が ${other.paths.peer} の ${formatNetwork(other.vpsNetwork)} と重なっています。RTX はどちらに送るか決められないので、重ならないネットワークにしてください。`,
                `${formatNetwork(d.vpsNetwork)} overlaps ${other.paths.peer}'s ${formatNetwork(other.vpsNetwork)}; the RTX could not tell where to route, so use networks that do not overlap.`,
              ),
        ),
      );
      break;
    }
    if (d.peer.backup && d.failover.kind !== 'backup') {
      findings.push(
        error(
          'peers.backupWithoutPrimary',
          fieldPath(d.paths.peer, 'backup'),
          bi(
            `予備の VPS には、同じネットワーク (${formatNetwork(d.vpsNetwork)}) を持つ予備でない VPS が必要です。プライベートアドレスを主の VPS と同じネットワークにするか、予備を解除してください。`,
            `A backup VPS needs a non-backup VPS with the same network (${formatNetwork(d.vpsNetwork)}); put its private address in the primary's network, or untick backup.`,
          ),
        ),
      );
    }
  });
  return findings;
}

/** Egress and client-address forwards rewrite the home's one default route: only one tunnel may do that. */
function checkDefaultRoute(ds: readonly Deployment[]): Finding[] {
  const routed = ds.filter((d) => routeFilterCount(d) > 0);
  return routed
    .slice(1)
    .map((d) =>
      error(
        'peers.defaultRoute',
        fieldPath(d.paths.peer, 'egress'),
        bi(
          `VPS 経由のインターネット接続 (またはクライアントのアドレスを保つ転送) は ${routed[0]!.paths.peer} でも使われています。RTX の既定経路は 1 つなので、どちらか 1 つの VPS だけにしてください。`,
          `Egress through the VPS (or forwards that keep the client's address) is also used by ${routed[0]!.paths.peer}; the RTX has one default route, so keep it on one VPS only.`,
        ),
      ),
    );
}

function checkFilterRange(ds: readonly Deployment[]): Finding[] {
  const last = Math.max(0, ...ds.flatMap((d) => d.vpsFilters));
  if (last <= 21474836) return [];
  return [
    error(
      'filters.range',
      'home.filters.vpsFilterBase',
      bi(
        `VPS ${ds.length} 台分のフィルタ番号が 21474836 を超えます。先頭番号を ${21474836 - (last - ds[0]!.plan.home.filters.vpsFilterBase)} 以下にしてください。`,
        `The filter numbers for ${ds.length} VPSes would pass 21474836; use a first number of at most ${21474836 - (last - ds[0]!.plan.home.filters.vpsFilterBase)}.`,
      ),
    ),
  ];
}

export function checkPeerSet(ds: readonly Deployment[]): Finding[] {
  if (ds.length < 2) return checkFilterRange(ds);
  return [...checkCount(ds), ...checkUnique(ds), ...checkNetworks(ds), ...checkDefaultRoute(ds), ...checkFilterRange(ds)];
}
