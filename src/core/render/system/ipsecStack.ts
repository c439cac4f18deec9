import type { GeneratedFile } from '../../bundle/types';
import { libreswanOf, strongswanOf, type Deployment } from '../../derive/deployment';
import { bi, both } from '../../text/bilingual';
import { buildLibreswanConns, buildLibreswanSecrets, buildLibreswanSetup, libreswanConnNames } from '../libreswan/buildLibreswan';
import { LIBRESWAN_DIALECTS } from '../libreswan/dialects';
import { serializeIpsecConf } from '../libreswan/ipsecConf';
import { buildSwanctl } from '../swanctl/buildSwanctl';
import { serializeSwanctl } from '../swanctl/swanctlConf';
import { sh, type ShellStep } from './shell';

export interface IpsecPiece {
  readonly files: readonly GeneratedFile[];
  readonly install: ShellStep;
  readonly start: ShellStep;
  readonly rollback: readonly string[];
  readonly check: readonly string[];
}

const INSTALL_TITLE = bi('IPsec ソフトウェアのインストールと設定ファイルの配置', 'Install the IPsec software and place its files');
/** Bringing the tunnel up needs the RTX side too, so a failure here must not abort the script. */
const NOT_UP_YET = `echo ${sh(both(bi('(まだ接続していません: RTX 側を設定してから sh setup/verify.sh で確認してください)', '(not up yet: set up the RTX side, then check with sh setup/verify.sh)')))}`;
const START_TITLE = bi('IPsec サービスの自動起動と起動', 'Enable and start the IPsec service');

function service(d: Deployment, name: string): { enable: string; restart: string } {
  return d.target.init === 'sysvinit'
    ? { enable: sh('chkconfig', name, 'on'), restart: sh('service', name, 'restart') }
    : { enable: sh('systemctl', 'enable', name), restart: sh('systemctl', 'restart', name) };
}

function libreswanPiece(d: Deployment): IpsecPiece {
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
  const files: GeneratedFile[] = [
    {
      path: `vps/etc/ipsec.d/${name}.conf`,
      content: serializeIpsecConf([...(setup ? [setup] : []), ...buildLibreswanConns(d, caps)], header),
      language: 'libreswan',
      side: 'vps',
      title: bi('libreswan 接続設定', 'libreswan connection'),
      installTo: `/etc/ipsec.d/${name}.conf`,
      mode: '0644',
    },
    {
      path: `vps/etc/ipsec.d/${name}.secrets`,
      content: buildLibreswanSecrets(d),
      language: 'libreswan',
      side: 'vps',
      title: bi('libreswan 事前共有鍵', 'libreswan pre-shared key'),
      installTo: `/etc/ipsec.d/${name}.secrets`,
      mode: '0600',
    },
  ];
  const installCommands = [
    `${d.target.packageInstall} libreswan`,
    // Every target's stock ipsec.conf includes /etc/ipsec.d/*.conf (RHEL's spec uncomments it on EL6/7);
    // put it back only where a hand-edited file lost it.
    "grep -q '^include /etc/ipsec.d/\\*.conf' /etc/ipsec.conf || echo 'include /etc/ipsec.d/*.conf' >> /etc/ipsec.conf",
    sh('install', '-m', '0644', `etc/ipsec.d/${name}.conf`, `/etc/ipsec.d/${name}.conf`),
    sh('install', '-m', '0600', `etc/ipsec.d/${name}.secrets`, `/etc/ipsec.d/${name}.secrets`),
    'ipsec addconn --checkconfig',
  ];
  const svc = service(d, 'ipsec');
  // One conn per LAN segment where the release needs it (buildLibreswanConns).
  const conns = libreswanConnNames(d, caps);
  const check = caps.verify ? ['ipsec verify'] : [];
  check.push(sh('ipsec', 'status') + ` | grep ${sh(name)}`, 'ipsec trafficstatus', 'ip -s xfrm state');
  return {
    files,
    install: { title: INSTALL_TITLE, commands: installCommands },
    start: { title: START_TITLE, commands: [svc.enable, svc.restart, ...conns.map((conn) => `timeout 60 ${rules.upCommand(conn)} || ${NOT_UP_YET}`)] },
    rollback: [
      ...conns.map((conn) => sh('ipsec', 'whack', '--delete', '--name', conn) + ' 2>/dev/null || true'),
      sh('rm', '-f', `/etc/ipsec.d/${name}.conf`, `/etc/ipsec.d/${name}.secrets`),
      svc.restart,
    ],
    check,
  };
}

function strongswanPiece(d: Deployment): IpsecPiece {
  const caps = strongswanOf(d)!;
  const name = d.peer.name;
  const dir = `${caps.swanctlDir}/conf.d`;
  const content = serializeSwanctl(buildSwanctl(d, caps), [
    `${name}: ${d.plan.router.model} <-> VPS, IPv4 inside IPv6 (strongSwan ${caps.version} swanctl, ${d.target.label.en})`,
    'local = this VPS, remote = the RTX. Holds the pre-shared key: keep it mode 0600.',
  ]);
  const svc = service(d, caps.service);
  const swanctl = 'swanctl';
  return {
    files: [
      {
        path: `vps${dir}/${name}.conf`,
        content,
        language: 'swanctl',
        side: 'vps',
        title: bi('strongSwan 接続設定と鍵 (swanctl)', 'strongSwan connection and key (swanctl)'),
        installTo: `${dir}/${name}.conf`,
        mode: '0600',
      },
    ],
    install: {
      title: INSTALL_TITLE,
      commands: [`${d.target.packageInstall} ${caps.packages}`, sh('install', '-m', '0600', `${dir.slice(1)}/${name}.conf`, `${dir}/${name}.conf`)],
    },
    start: {
      title: START_TITLE,
      commands: [svc.enable, svc.restart, `${swanctl} --load-all`, `${sh(swanctl, '--initiate', '--child', name, '--timeout', 60)} || ${NOT_UP_YET}`],
    },
    rollback: [sh(swanctl, '--terminate', '--ike', name, '--force') + ' 2>/dev/null || true', sh('rm', '-f', `${dir}/${name}.conf`), `${swanctl} --load-all`],
    check: [`${swanctl} --list-conns`, `${swanctl} --list-sas`, 'ip -s xfrm state'],
  };
}

export function ipsecPiece(d: Deployment): IpsecPiece {
  return d.stack === 'libreswan' ? libreswanPiece(d) : strongswanPiece(d);
}
