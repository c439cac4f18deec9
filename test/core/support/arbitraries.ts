import fc from 'fast-check';
import { ROUTERS, ROUTER_MODELS } from '../../../src/core/caps/routers';
import { STACKS, VPS_TARGETS } from '../../../src/core/caps/targets';
import { DH_GROUPS, ENCRYPTIONS, HASHES } from '../../../src/core/crypto/algorithms';
import { PSK_ALPHABET } from '../../../src/core/plan/fields';

const PSK_CHARS = `${PSK_ALPHABET}!$%&()*+,-./:;<=@[]^_\`{}~0123456789`;
const DESCRIPTION_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:()+,=@/-';

/** The common choice most of the time, any choice sometimes: most plans generate, all paths are hit. */
const mostly = <T>(usual: T, all: readonly T[]) => fc.oneof({ arbitrary: fc.constant(usual), weight: 9 }, { arbitrary: fc.constantFrom(...all), weight: 1 });

const fromChars = (chars: string, min: number, max: number) =>
  fc.array(fc.constantFrom(...chars.split('')), { minLength: min, maxLength: max }).map((list) => list.join(''));

const linuxInterface = fc.tuple(fc.constantFrom('eth', 'ens', 'enp', 'veth', 'priv'), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}${b}`);

/** A global unicast IPv6 outside the documentation prefix, in canonical form. */
const globalIpv6 = fc
  .tuple(
    fc.integer({ min: 0x2400, max: 0x2fff }),
    fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 3, maxLength: 3 }),
    fc.integer({ min: 1, max: 0xffff }),
  )
  .map(([head, middle, tail]) => `${head.toString(16)}:${middle.map((part) => part.toString(16)).join(':')}::${tail.toString(16)}`);

/**
 * Random plans that are syntactically valid and whose subnets never overlap (distinct third octets
 * in 192.168/16 for the home side, 10/8 for the VPS), so most of them generate; the capability
 * checks still refuse some, which the properties cover too.
 */
export const validPlan = fc
  .record({
    model: fc.constantFrom(...ROUTER_MODELS),
    target: fc.constantFrom(...VPS_TARGETS),
    stack: fc.constantFrom(...STACKS),
    // Mostly one segment or an aggregating pair (even third octet and the next), sometimes anything.
    octets: fc.oneof(
      { arbitrary: fc.integer({ min: 0, max: 126 }).map((k) => [2 * k, 2 * k + 1]), weight: 4 },
      { arbitrary: fc.integer({ min: 0, max: 254 }).map((k) => [k]), weight: 4 },
      { arbitrary: fc.uniqueArray(fc.integer({ min: 0, max: 254 }), { minLength: 1, maxLength: 3 }), weight: 2 },
    ),
    vpsOctets: fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), mostly(1, [0, 1, 2, 3, 127, 128, 255])),
    vpsPrefix: mostly(24, [16, 20, 24, 28, 29, 30]),
    rtxIpv6: globalIpv6,
    vpsIpv6: globalIpv6,
    access: mostly('ds-lite', ['ds-lite', 'map-e', 'none']),
    pppoe: fc.boolean(),
    ikeVersion: fc.constantFrom(1, 2, 2),
    ikeEncryption: mostly('aes256', ENCRYPTIONS),
    ikeHash: mostly('sha256', HASHES),
    dhGroup: mostly('modp2048', DH_GROUPS),
    espEncryption: mostly('aes256', ENCRYPTIONS),
    espIntegrity: mostly('sha256', HASHES),
    pfs: fc.boolean(),
    tunnelId: mostly(2, [2, 3, 4, 5, 20, 21]),
    gatewayId: mostly(1, [1, 2, 4, 6, 20]),
    policyId: fc.integer({ min: 1, max: 2147483647 }),
    ikeLifetime: fc.integer({ min: 300, max: 86400 }),
    childLifetime: fc.integer({ min: 300, max: 86400 }),
    dpdDelay: fc.integer({ min: 1, max: 600 }),
    dpdExtra: fc.integer({ min: 1, max: 3000 }),
    rtxInterval: fc.integer({ min: 1, max: 600 }),
    rtxCount: fc.integer({ min: 1, max: 50 }),
    initiator: fc.constantFrom('both', 'vps', 'rtx'),
    psk: fromChars(PSK_CHARS, 20, 128),
    name: fc
      .tuple(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('')), fromChars('abcdefghijklmnopqrstuvwxyz0123456789-', 0, 31))
      .map(([a, b]) => a + b),
    description: fromChars(DESCRIPTION_CHARS, 1, 64),
    publicInterface: linuxInterface,
    privateInterface: linuxInterface,
    scope: fc.constantFrom('ike-esp', 'all-from-vps'),
    vpsFilterBase: fc.integer({ min: 200000, max: 300000 }),
  })
  .map((r) => {
    const router = ROUTERS[r.model];
    const interfaces = [...new Set([...router.lanInterfaces, ...router.wanInterfaces])];
    return {
      router: { model: r.model, firmware: router.exampleRevision },
      home: {
        wanInterface: router.wanInterfaces.includes('lan2') ? 'lan2' : router.wanInterfaces[0],
        wanIpv6: r.rtxIpv6,
        lans: r.octets.slice(0, interfaces.length).map((octet, index) => ({ interface: interfaces[index], address: `192.168.${octet}.1/24` })),
        ipv4Access: { kind: r.access, tunnelId: 1 },
        pppoe: { enabled: r.pppoe, pp: 1, filterBase: 400000 },
        filters: { vpsScope: r.scope, vpsFilterBase: r.vpsFilterBase },
      },
      peers: [
        {
          name: r.name,
          description: r.description,
          vps: {
            target: r.target,
            stack: r.stack,
            publicInterface: r.publicInterface,
            privateInterface: r.privateInterface,
            ipv6: r.vpsIpv6,
            privateAddress: `10.${r.vpsOctets[0]}.${r.vpsOctets[1]}.${r.vpsOctets[2]}/${r.vpsPrefix}`,
          },
          tunnel: {
            tunnelId: r.tunnelId,
            gatewayId: r.gatewayId,
            policyId: r.policyId,
            crypto: {
              ikeVersion: r.ikeVersion,
              ikeEncryption: r.ikeEncryption,
              ikeHash: r.ikeHash,
              dhGroup: r.dhGroup,
              espEncryption: r.espEncryption,
              espIntegrity: r.espIntegrity,
              pfs: r.pfs,
            },
            ikeLifetime: Math.max(r.ikeLifetime, r.childLifetime),
            childLifetime: Math.min(r.ikeLifetime, r.childLifetime),
            dpd: { delay: r.dpdDelay, timeout: Math.min(3600, r.dpdDelay + r.dpdExtra), rtxInterval: r.rtxInterval, rtxCount: r.rtxCount },
            initiator: r.initiator,
            psk: r.psk,
          },
        },
      ],
    };
  });

/** Hostile text: separators, quotes, comment marks, shell metacharacters, Unicode line breaks, length. */
export const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({
    unit: fc.constantFrom(
      '\n',
      '\r',
      '\u2028',
      '\u2029',
      '\u0085',
      '"',
      "'",
      '#',
      '\\',
      '`',
      '$',
      ';',
      '{',
      '}',
      '|',
      '>',
      '?',
      ' ',
      '\t',
      '\0',
      'a',
      '=',
      '%',
    ),
    maxLength: 40,
  }),
  fc.constantFrom('x\nip route default gateway tunnel 9', 'a"b', "a'b", 'a#b', 'a b ', ' a', 'x\u2028y', 'x}\nfoo {', '$(reboot)', '`id`', 'a'.repeat(5000)),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);
