import * as z from 'zod/mini';
import { isStrictIpv4, parseIpv4Network } from '../net/ipv4';
import { FIELD_PATTERNS } from './fields';

/*
 * The topology choices of one tunnel beyond "home LAN ⇄ VPS subnet" (issue 11): where the VPS keeps
 * its inner address, which of its public ports lead to servers at home, and whether home hosts reach
 * the IPv4 Internet through it. Every default keeps a plan that does not use them generating the
 * same bytes as before these fields existed.
 */

const integer = (min: number, max: number) =>
  z.number({ error: 'integer' }).check(z.int({ error: 'integer' }), z.gte(min, { error: `range:${min}:${max}` }), z.lte(max, { error: `range:${min}:${max}` }));

const port = integer(1, 65535);

const ipv4Address = z.string({ error: 'required' }).check(z.refine((value) => isStrictIpv4(value), { error: 'ipv4.syntax' }));

/** A host (`192.168.10.5`) or a network with its host bits clear (`192.168.10.0/25`). */
const ipv4Network = z.string({ error: 'required' }).check(z.refine((value) => parseIpv4Network(value) !== undefined, { error: 'ipv4.network' }));

/** The fields added to `peers[i].vps`. */
export const vpsTopologyFields = {
  /**
   * `private-nic`: the inner address sits on a second NIC joined to a private switch (the seed's
   * eth1). `dummy`: the VPS has one NIC; the inner address sits on a dummy interface the network
   * configuration creates at boot.
   */
  inner: z._default(z.enum(['private-nic', 'dummy'], { error: 'choice' }), 'private-nic'),
  /** The dummy interface's name in `dummy` mode. Not `dummy0`: loading the module may create that one itself. */
  dummyInterface: z._default(z.string({ error: 'required' }).check(z.regex(FIELD_PATTERNS.linuxInterface, { error: 'linux.interface' })), 'rtx0'),
  /** The VPS's SSH port, so that no forward takes it. */
  sshPort: z._default(port, 22),
};

export const portForwardSchema = z.object({
  protocol: z._default(z.enum(['tcp', 'udp'], { error: 'choice' }), 'tcp'),
  /** The port on the VPS's public IPv4 address (first of a range when `publicPortEnd` is set). */
  publicPort: port,
  /** Last port of a range; a range keeps its port numbers at home. */
  publicPortEnd: z.optional(port),
  /** The server at home (an address in one of the home LAN segments). */
  host: ipv4Address,
  /** The server's port; absent = the same as the public port. */
  hostPort: z.optional(port),
});

export const egressSchema = z.object({
  /** `all`: every home LAN segment; `selected`: only `sources`. */
  mode: z._default(z.enum(['off', 'all', 'selected'], { error: 'choice' }), 'off'),
  sources: z._default(z.array(ipv4Network).check(z.maxLength(16, { error: 'egress.sources.max' })), []),
  /** What the selected hosts do while the tunnel is down: use the home's own IPv4 access, or have none. */
  whenDown: z._default(z.enum(['fallback', 'block'], { error: 'choice' }), 'fallback'),
});

/** The fields added to `peers[i]`. */
export const peerTopologyFields = {
  portForwards: z._default(z.array(portForwardSchema).check(z.maxLength(32, { error: 'forwards.max' })), []),
  /**
   * How replies of a forwarded connection find their way back. `snat`: the VPS rewrites the client
   * address to its inner address (the home server sees the VPS). `client-address`: the home server
   * sees the real client, and the RTX routes that server's replies into the tunnel.
   */
  forwardReturn: z._default(z.enum(['snat', 'client-address'], { error: 'choice' }), 'snat'),
  egress: z.prefault(egressSchema, {}),
  /** First RTX `ip filter` number for the filter-type routes into this tunnel (return path, egress). */
  routeFilterBase: z._default(integer(1, 21474836 - 64), 400100),
};
