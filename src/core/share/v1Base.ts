import type { PlanInput } from '../plan/schema';

/** A plan as schema version 1 wrote it; parsePlan migrates it (plan/migrate.ts). */
export type V1PlanInput = Omit<PlanInput, 'schemaVersion'> & { readonly schemaVersion: 1 };

/**
 * The plan every `#v1.` link is a difference from: the defaults as they were when v1 links were
 * first issued, frozen here so that changing `defaultPlan()` later never changes what an old link
 * means. A new base needs a new prefix (`v2.`) and a migration, never an edit of this object.
 */
export const V1_BASE: V1PlanInput = {
  schemaVersion: 1,
  router: {
    model: 'RTX830',
    firmware: '15.02.33',
  },
  home: {
    wanInterface: 'lan2',
    wanIpv6: '2001:db8:1::1',
    lans: [
      {
        interface: 'lan1',
        address: '192.168.10.1/24',
      },
    ],
    ipv4Access: {
      kind: 'ds-lite',
      tunnelId: 1,
    },
    pppoe: {
      enabled: false,
      pp: 1,
      filterBase: 400000,
    },
    filters: {
      inbound: [101000, 101001, 101002],
      outbound: [],
      outboundDynamic: [],
      vpsFilterBase: 102000,
      vpsScope: 'ike-esp',
    },
  },
  hgw: {
    enabled: false,
    model: 'PR-500KI',
    address: '192.168.11.2',
    disableDhcp: true,
  },
  peers: [
    {
      name: 'vps-rtx',
      description: 'VPS-RTX',
      vps: {
        target: 'debian-12',
        publicInterface: 'eth0',
        privateInterface: 'eth1',
        ipv6: '2001:db8:2::1',
        privateAddress: '192.168.20.1/24',
      },
      tunnel: {
        tunnelId: 2,
        gatewayId: 1,
        policyId: 1,
        crypto: {
          ikeVersion: 2,
          ikeEncryption: 'aes256',
          ikeHash: 'sha256',
          dhGroup: 'modp2048',
          espEncryption: 'aes256',
          espIntegrity: 'sha256',
          pfs: true,
        },
        ikeLifetime: 28800,
        childLifetime: 3600,
        dpd: {
          delay: 10,
          timeout: 60,
          rtxInterval: 10,
          rtxCount: 6,
        },
        initiator: 'both',
        psk: '',
      },
    },
  ],
};
