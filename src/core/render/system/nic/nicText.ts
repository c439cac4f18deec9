import { netmaskText, numberToIpv4 } from '../../../net/ipv4';
import { ShellCode } from '../sh/shellCode';
import { commentText, fail, isInterfaceName, isIpv4Token } from '../tokens';

/**
 * Serializers for the NIC files: ifcfg (KEY="value", read by the initscripts' shell), route-<nic>
 * (`ip route` arguments per line), netplan YAML, ifupdown stanzas. Each refuses a key, value or
 * name that its reader would take as more than one token.
 */
export interface Ipv4Route {
  readonly to: string;
  readonly via: string;
  readonly dev: string;
}

const ifname = (dialect: string, value: string): string => (isInterfaceName(value) ? value : fail(dialect, 'interface', value));
const ipv4 = (dialect: string, value: string): string => (isIpv4Token(value) ? value : fail(dialect, 'IPv4 address', value));

/** ifcfg files are sourced by sh: values stay inside double quotes without `"`, `\`, `$` or backquote. */
export function serializeIfcfg(entries: readonly (readonly [string, string])[]): string {
  const lines = entries.map(([key, value]) => {
    if (!/^[A-Z][A-Z0-9_]*$/.test(key)) fail('ifcfg', 'key', key);
    if (!/^[A-Za-z0-9_.:/-]*$/.test(value)) fail('ifcfg', `value of ${key}`, value);
    return `${key}="${value}"`;
  });
  return `${lines.join('\n')}\n`;
}

export function serializeRouteFile(routes: readonly Ipv4Route[]): string {
  const lines = routes.map((route) => `${ipv4('route', route.to)} via ${ipv4('route', route.via)} dev ${ifname('route', route.dev)}`);
  return `${lines.join('\n')}\n`;
}

/** A YAML value we write: a plain scalar, a flow list of scalars, a block list of maps, or a map. */
export type YamlValue = string | number | boolean | readonly (string | number)[] | readonly YamlMap[] | YamlMap;
export interface YamlMap {
  readonly [key: string]: YamlValue;
}

/** Plain scalars only: nothing YAML would read as an indicator, a comment, a flow delimiter or a tag. */
const YAML_SCALAR = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;

function scalar(value: string | number | boolean): string {
  const text = String(value);
  if (!YAML_SCALAR.test(text)) fail('yaml', 'scalar', text);
  return text;
}

function yamlLines(map: YamlMap, indent: string): string[] {
  return Object.entries(map).flatMap(([key, value]) => {
    const head = `${indent}${scalar(key)}:`;
    if (!Array.isArray(value)) {
      return typeof value === 'object' ? [head, ...yamlLines(value as YamlMap, `${indent}  `)] : [`${head} ${scalar(value as string)}`];
    }
    const list = value as readonly (string | number | YamlMap)[];
    if (list.every((item) => typeof item !== 'object')) return [`${head} [${list.map((item) => scalar(item as string)).join(', ')}]`];
    return [
      head,
      ...list.flatMap((item) => yamlLines(item as YamlMap, `${indent}    `).map((line, index) => (index === 0 ? `${indent}  - ${line.trimStart()}` : line))),
    ];
  });
}

export function serializeYaml(map: YamlMap, preamble: readonly string[]): string {
  return `${[...preamble.map((text) => `# ${commentText('yaml', text)}`), ...yamlLines(map, '')].join('\n')}\n`;
}

/** An ifupdown option: words, or (for up/down hooks) a command built by the shell module. */
export interface IfupdownOption {
  readonly key: 'address' | 'netmask' | 'gateway' | 'up' | 'down' | 'pre-up' | 'post-down';
  readonly value: readonly string[] | ShellCode;
}

export interface IfupdownStanza {
  readonly iface: string;
  readonly method: 'static' | 'manual';
  readonly options: readonly IfupdownOption[];
}

export function serializeIfupdown(stanza: IfupdownStanza, preamble: readonly string[]): string {
  const nic = ifname('ifupdown', stanza.iface);
  const options = stanza.options.map((option) => {
    const value =
      option.value instanceof ShellCode
        ? option.value.text
        : option.value.map((word) => (/^[A-Za-z0-9_.:/-]+$/.test(word) ? word : fail('ifupdown', `${option.key} value`, word))).join(' ');
    return `    ${option.key} ${value}`;
  });
  const lines = [...preamble.map((text) => `# ${commentText('ifupdown', text)}`), `auto ${nic}`, `iface ${nic} inet ${stanza.method}`, ...options];
  return `${lines.join('\n')}\n`;
}

/** The static IPv4 part of an ifcfg file for the VPS's inner address (private NIC or dummy). */
export function ifcfgInnerAddress(nic: string, address: { readonly address: number; readonly prefix: number }): [string, string][] {
  return [
    ['DEVICE', nic],
    ['BOOTPROTO', 'none'],
    ['IPADDR', numberToIpv4(address.address)],
    ['NETMASK', netmaskText(address.prefix)],
    ['ONBOOT', 'yes'],
    ['TYPE', 'Ethernet'],
  ];
}
