/**
 * The syntax every free-text value must have before it may reach a file. Each pattern is the
 * intersection of what all the files it lands in accept, so no value needs escaping anywhere and
 * no value can start a new line, command, key or section.
 */
export const FIELD_PATTERNS = {
  /** Linux interface name; no dot, so it can be used as a sysctl path component as is. */
  linuxInterface: /^[A-Za-z][A-Za-z0-9_-]{0,14}$/,
  /** libreswan conn name, swanctl section name (no dots: they separate swanctl keys) and file name. */
  connectionName: /^[a-z][a-z0-9-]{0,31}$/,
  /**
   * RTX `description` (≤64 ASCII, rtx-commands.md §1.8). Excludes the characters the RTX shell
   * reads as syntax (`? # | > \ ' "`, §1.19); a space is allowed and the value is then quoted.
   */
  description: /^[A-Za-z0-9._:()+,=@/-](?:[A-Za-z0-9 ._:()+,=@/-]{0,62}[A-Za-z0-9._:()+,=@/-])?$/,
  /**
   * Pre-shared key: printable ASCII without space and without `" ' # ? | > \`, so it needs no
   * escaping on the RTX (§1.17, §1.19), in libreswan secrets (no `"` inside quotes) or in swanctl.
   */
  psk: /^[A-Za-z0-9!$%&()*+,\-./:;<=@[\]^_`{}~]{8,128}$/,
  /** RTX LAN interface (`lan1`, `lan2`, `onu1`…). */
  routerInterface: /^(lan|onu)[1-9]$/,
  /**
   * What an FQDN field may hold at all (letters, digits, dots, hyphens; empty = not given). The
   * label rules are checked with a message of their own (net/fqdn.ts), this only keeps every other
   * character out of the files.
   */
  fqdnText: /^[A-Za-z0-9.-]{0,253}$/,
  /** HGW model, shown in instructions only. */
  hgwModel: /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,31}$/,
} as const;

/** Characters a PSK may contain, for the generator of random keys. */
export const PSK_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
