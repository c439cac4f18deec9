import { libreswanOf, strongswanOf, type Deployment } from '../../derive/deployment';
import { bi, both } from '../../text/bilingual';
import { buildLibreswanConns, buildLibreswanSetup, libreswanConnNames } from '../libreswan/buildLibreswan';
import { LIBRESWAN_DIALECTS } from '../libreswan/dialects';
import { serializeIpsecConf } from '../libreswan/ipsecConf';
import { buildSwanctl } from '../swanctl/buildSwanctl';
import { serializeSwanctl } from '../swanctl/swanctlConf';
import { enableEpel } from './epel';
import { IPSEC_CONF, ikev1PolicyApply, ikev1PolicyRollback, ikev1PolicyVerify } from './ikev1Policy';
import { serializeLibreswanSecrets } from './libreswanSecrets';
import { installedFile, type VpsPiece } from './piece';
import { cmd, quoted, sh, words, type ShellCode } from './sh/shellCode';

const INSTALL_TITLE = bi('IPsec ソフトウェアのインストールと設定ファイルの配置', 'Install the IPsec software and place its files');
/** Bringing the tunnel up needs the RTX side too, so a failure here must not abort the script. */
const NOT_UP_YET = sh`echo ${both(bi('(まだ接続していません: RTX 側を設定してから sh setup/verify.sh で確認してください)', '(not up yet: set up the RTX side, then check with sh setup/verify.sh)'))}`;
const START_TITLE = bi('IPsec サービスの自動起動と起動', 'Enable and start the IPsec service');

function service(d: Deployment, name: string): { enable: ShellCode; restart: ShellCode } {
  return d.target.init === 'sysvinit'
    ? { enable: cmd('chkconfig', name, 'on'), restart: cmd('service', name, 'restart') }
    : { enable: cmd('systemctl', 'enable', name), restart: cmd('systemctl', 'restart', name) };
}

const install = (d: Deployment, packages: string): ShellCode => cmd(...words(d.target.packageInstall), ...words(packages));

function libreswanPiece(d: Deployment): VpsPiece {
  const caps = libreswanOf(d)!;
  const rules = LIBRESWAN_DIALECTS[caps.dialect];
  const name = d.peer.name;
  const header = [
    `${name}: ${d.plan.router.model} <-> VPS, IPv4 inside IPv6 (libreswan ${caps.version}, ${d.target.label.en})`,
    'left = this VPS, right = the RTX',
  ];
  // A `config setup` in an included file is read as the global one (seen with libreswan 4.10 in
  // the interop lab), so the distribution's /etc/ipsec.conf is left untouched.
  const setup = buildLibreswanSetup(d, caps);
  const conf = `/etc/ipsec.d/${name}.conf`;
  const secrets = `/etc/ipsec.d/${name}.secrets`;
  const svc = service(d, 'ipsec');
  // One conn per LAN segment where the release needs it (buildLibreswanConns).
  const conns = libreswanConnNames(d, caps);
  // Debian/Ubuntu-built 4.x and 5.x refuse IKEv1 conns unless the main file's config setup accepts them.
  const ikev1Policy = d.crypto.ikeVersion === 1 && caps.ikev1 === 'needs-policy';
  const verify = caps.verify ? [sh`ipsec verify`] : [];
  verify.push(sh`ipsec status | grep ${name}`, sh`ipsec trafficstatus`, sh`ip -s xfrm state`);
  if (ikev1Policy) verify.push(ikev1PolicyVerify());
  return {
    edits: [IPSEC_CONF],
    files: [
      installedFile(
        conf,
        serializeIpsecConf([...(setup ? [setup] : []), ...buildLibreswanConns(d, caps)], header),
        'libreswan',
        bi('libreswan 接続設定', 'libreswan connection'),
        '0644',
      ),
      installedFile(
        secrets,
        serializeLibreswanSecrets([{ local: d.vpsIpv6, remote: d.rtxFqdn === undefined ? d.rtxIpv6 : `@${d.rtxFqdn}`, psk: d.peer.tunnel.psk }]),
        'libreswan',
        bi('libreswan 事前共有鍵', 'libreswan pre-shared key'),
        '0600',
      ),
    ],
    apply: [
      {
        title: INSTALL_TITLE,
        commands: [
          install(d, 'libreswan'),
          // Every target's stock ipsec.conf includes /etc/ipsec.d/*.conf (RHEL's spec uncomments it on EL6/7);
          // put it back only where a hand-edited file lost it.
          sh`grep -q ${quoted('^include /etc/ipsec.d/\\*.conf')} /etc/ipsec.conf || echo ${quoted('include /etc/ipsec.d/*.conf')} >> /etc/ipsec.conf`,
          ...(ikev1Policy ? ikev1PolicyApply() : []),
          cmd('install', '-m', '0644', conf.slice(1), conf),
          cmd('install', '-m', '0600', secrets.slice(1), secrets),
          sh`ipsec addconn --checkconfig`,
        ],
      },
      { title: START_TITLE, commands: [svc.enable, svc.restart, ...conns.map((conn) => sh`timeout 60 ${words(rules.upCommand(conn))} || ${NOT_UP_YET}`)] },
    ],
    rollback: [
      ...conns.map((conn) => sh`${cmd('ipsec', 'whack', '--delete', '--name', conn)} 2>/dev/null || true`),
      cmd('rm', '-f', conf, secrets),
      ...(ikev1Policy ? [ikev1PolicyRollback()] : []),
      svc.restart,
    ],
    verify,
  };
}

function strongswanPiece(d: Deployment): VpsPiece {
  const caps = strongswanOf(d)!;
  const name = d.peer.name;
  const path = `${caps.swanctlDir}/conf.d/${name}.conf`;
  const content = serializeSwanctl(buildSwanctl(d, caps), [
    `${name}: ${d.plan.router.model} <-> VPS, IPv4 inside IPv6 (strongSwan ${caps.version} swanctl, ${d.target.label.en})`,
    'local = this VPS, remote = the RTX. Holds the pre-shared key: keep it mode 0600.',
  ]);
  const svc = service(d, caps.service);
  return {
    files: [installedFile(path, content, 'swanctl', bi('strongSwan 接続設定と鍵 (swanctl)', 'strongSwan connection and key (swanctl)'), '0600')],
    apply: [
      {
        title: INSTALL_TITLE,
        commands: [...(caps.epel ? enableEpel(caps.epel) : []), install(d, caps.packages), cmd('install', '-m', '0600', path.slice(1), path)],
      },
      {
        title: START_TITLE,
        commands: [svc.enable, svc.restart, sh`swanctl --load-all`, sh`${cmd('swanctl', '--initiate', '--child', name, '--timeout', 60)} || ${NOT_UP_YET}`],
      },
    ],
    rollback: [sh`${cmd('swanctl', '--terminate', '--ike', name, '--force')} 2>/dev/null || true`, cmd('rm', '-f', path), sh`swanctl --load-all`],
    verify: [sh`swanctl --list-conns`, sh`swanctl --list-sas`, sh`ip -s xfrm state`],
  };
}

export function ipsecPiece(d: Deployment): VpsPiece {
  return d.stack === 'libreswan' ? libreswanPiece(d) : strongswanPiece(d);
}
