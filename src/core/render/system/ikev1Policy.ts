import { both, bi } from '../../text/bilingual';
import type { ShellCode } from './sh/shellCode';
import { quoted, sh } from './sh/shellCode';

/**
 * `ikev1-policy=accept` in /etc/ipsec.conf's own `config setup` (issue 9, defect 3). libreswan 4.x
 * reads `config setup` from the main file only once that section has any setting: with Debian 12's
 * 4.10 and bullseye's 4.3, `ipsec addconn --configsetup` prints `ikev1_policy='2'` (drop) for a main
 * file with `logfile=` that includes a conn file whose `config setup` says accept, and `'0'` once the
 * main file says so (5.2 merges both). Debian's NEWS (4.5-2) says to add it to /etc/ipsec.conf.
 * Replaces an existing ikev1-policy line, else adds one after `config setup`, else starts the file
 * with that section; running it again changes nothing. apply.sh's backup holds the original file.
 */
export const IPSEC_CONF = '/etc/ipsec.conf';

export function ikev1PolicyApply(): ShellCode[] {
  return [
    sh`if grep -q ${quoted('^[[:space:]]*ikev1-policy=')} ${IPSEC_CONF}; then sed -i ${quoted(String.raw`s/^\([[:space:]]*\)ikev1-policy=.*/\1ikev1-policy=accept/`)} ${IPSEC_CONF}`,
    sh`elif grep -q ${quoted('^config setup')} ${IPSEC_CONF}; then sed -i ${quoted(String.raw`/^config setup/a\    ikev1-policy=accept`)} ${IPSEC_CONF}`,
    sh`else sed -i ${quoted('1i config setup')} ${IPSEC_CONF} && sed -i ${quoted(String.raw`1a\    ikev1-policy=accept`)} ${IPSEC_CONF}; fi`,
  ];
}

/** The line apply.sh adds; rollback removes it (the backup then restores a file that existed before). */
export const ikev1PolicyRollback = (): ShellCode => sh`sed -i ${quoted('/^    ikev1-policy=accept$/d')} ${IPSEC_CONF}`;

/** What the running pluto uses: its status prints the global `ikev1-policy=` (4.3, 4.10 and 5.2 builds). */
export function ikev1PolicyVerify(): ShellCode {
  const yes = both(bi('IKEv1 は許可されています (ikev1-policy=accept)', 'IKEv1 is allowed (ikev1-policy=accept)'));
  const no = both(
    bi('IKEv1 は許可されていません: /etc/ipsec.conf の config setup を確認してください', 'IKEv1 is NOT allowed: check config setup in /etc/ipsec.conf'),
  );
  return sh`ipsec status | grep -o ${quoted('ikev1-policy=[a-z]*')}; if ipsec status | grep -q ${quoted('ikev1-policy=accept')}; then echo ${yes}; else echo ${no}; false; fi`;
}
