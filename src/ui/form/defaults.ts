import type { Plan } from '../../core/index';

/**
 * The core's defaultPlan(), written out so that the form can render before the core (and zod) has
 * loaded. test/ui-core/defaults.test.ts fails if it ever differs from defaultPlan().
 */
export const DEFAULT_PLAN: Plan = {
  schemaVersion: 2,
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
    dns: {
      kind: 'none',
      fqdn: '',
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
        inner: 'private-nic',
        dummyInterface: 'rtx0',
        sshPort: 22,
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
      portForwards: [],
      forwardReturn: 'snat',
      egress: {
        mode: 'off',
        sources: [],
        whenDown: 'fallback',
      },
      routeFilterBase: 400100,
      backup: false,
    },
  ],
};

export const freshDefaults = (): Plan => structuredClone(DEFAULT_PLAN);
