import type { DhGroup } from '../crypto/algorithms';
import { bi, type Bilingual } from '../text/bilingual';
import { has, LIBRESWAN, STRONGSWAN, type Release } from './versions';

export const VPS_TARGETS = ['centos-6', 'centos-7', 'el-8', 'el-9', 'el-10', 'debian-12', 'debian-13', 'ubuntu-22.04', 'ubuntu-24.04'] as const;
export type VpsTargetId = (typeof VPS_TARGETS)[number];

export const STACKS = ['libreswan', 'strongswan'] as const;
export type StackId = (typeof STACKS)[number];

/** libreswan keyword dialects (linux-ipsec.md §1.2, §1.10). */
export type LibreswanDialect = 'libreswan3' | 'libreswan4' | 'libreswan4-rhel8' | 'libreswan5';

export type Ikev1Availability =
  /** IKEv1 loads as written. */
  | 'default'
  /** Built in but refused unless `config setup ikev1-policy=accept` (Debian ≥4.5-2, upstream 5.x). */
  | 'needs-policy'
  /** Not offered: not built, or not verified to be built. */
  | 'unavailable';

export interface LibreswanCaps {
  readonly stack: 'libreswan';
  /** As shown to the user (may be a range, e.g. RHEL 8's). */
  readonly version: string;
  /** The real release the version facts (./versions.ts) are asked about: the lowest the row stands for. */
  readonly release: Release;
  /** Primary source of `release` (package archive, spec file, vendor notes). */
  readonly releaseSource: string;
  /** Derived from `release` (and RHEL 8's keyword patch) by libreswanDialect(). */
  readonly dialect: LibreswanDialect;
  readonly dhGroups: readonly DhGroup[];
  readonly ikev1: Ikev1Availability;
  /** RHEL 9+ DEFAULT crypto-policy disables SHA-1 (linux-ipsec.md §1.7). */
  readonly sha1: boolean;
  /** `ipsec verify` exists (removed in 5.0 and in Fedora/RHEL 4.12-2). */
  readonly verify: boolean;
  readonly notes: readonly string[];
}

export interface StrongswanCaps {
  readonly stack: 'strongswan';
  readonly version: string;
  /** The real release the version facts are asked about: the lowest the row stands for. */
  readonly release: Release;
  readonly releaseSource: string;
  /** Fedora/EPEL build uses /etc/strongswan and the `strongswan` command (linux-ipsec.md §2.1). */
  readonly swanctlDir: string;
  readonly packages: string;
  /** The systemd unit running charon-systemd + swanctl. */
  readonly service: string;
  readonly dhGroups: readonly DhGroup[];
  readonly notes: readonly string[];
  /** The EPEL release this build comes from (CentOS 7, EL 8/9/10): apply.sh enables that repository first. */
  readonly epel?: 7 | 8 | 9 | 10;
}

export type FirewallTool = 'iptables' | 'firewalld' | 'nftables' | 'ufw';
export type NicTool = 'ifcfg' | 'nmcli' | 'netplan' | 'ifupdown';

export interface VpsTarget {
  readonly id: VpsTargetId;
  readonly label: Bilingual;
  readonly init: 'sysvinit' | 'systemd';
  readonly packageInstall: string;
  readonly stacks: { readonly libreswan?: LibreswanCaps; readonly strongswan?: StrongswanCaps };
  readonly defaultStack: StackId;
  /** The seed's MODP1024 suite is offered only here (issue: CentOS 6/7 and RHEL 8). */
  readonly legacyCrypto: boolean;
  /** Debian 13 has no /etc/sysctl.conf; CentOS 6 reading /etc/sysctl.d is UNVERIFIED, so it appends. */
  readonly sysctl: 'append-sysctl-conf' | 'sysctl-d';
  readonly firewall: FirewallTool;
  readonly nic: NicTool;
  readonly unverified: readonly string[];
}

/** The keyword line a release speaks, from the version facts; RHEL 8 adds its keyword patch. */
export function libreswanDialect(release: Release, rhelKeywordPatch = false): LibreswanDialect {
  if (has(release, LIBRESWAN.keywords5)) return 'libreswan5';
  if (has(release, LIBRESWAN.keywords4)) return rhelKeywordPatch ? 'libreswan4-rhel8' : 'libreswan4';
  return 'libreswan3';
}

/** swanctl's systemd unit for a release (renamed in 5.8.0). */
export const swanctlService = (release: Release): string => (has(release, STRONGSWAN.swanctlUnitRenamed) ? 'strongswan' : 'strongswan-swanctl');

const ALL_DH: readonly DhGroup[] = ['modp1024', 'modp1536', 'modp2048'];
const NO_DH2: readonly DhGroup[] = ['modp1536', 'modp2048'];

// EPEL 8/9/10 run swanctl as strongswan.service (Fedora spec, linux-ipsec.md S37), so their builds are
// at least 5.8.0; the exact EPEL versions are UNVERIFIED, and 5.8.0 is the release the facts are asked
// about (the oldest that unit name allows), which keeps every choice valid on any later build.
const EPEL_STRONGSWAN: StrongswanCaps = {
  stack: 'strongswan',
  version: 'EPEL',
  release: '5.8.0',
  releaseSource: 'UNVERIFIED: lower bound from the strongswan.service unit of the Fedora/EPEL spec (linux-ipsec.md S37)',
  swanctlDir: '/etc/strongswan/swanctl',
  packages: 'strongswan',
  service: swanctlService('5.8.0'),
  dhGroups: ALL_DH,
  notes: ['From EPEL; exact version UNVERIFIED. Fedora/EPEL paths: /etc/strongswan/swanctl, command `strongswan`.'],
};

/** EPEL 7 carried strongSwan 5.7, from before the unit rename: swanctl runs as strongswan-swanctl.service. */
const EPEL7_STRONGSWAN: StrongswanCaps = {
  ...EPEL_STRONGSWAN,
  version: '5.7 (EPEL 7)',
  release: '5.7.0',
  releaseSource: 'UNVERIFIED: EPEL 7 carried the 5.7 line (linux-ipsec.md §2.1); 5.7.0 is its lowest release',
  service: swanctlService('5.7.0'),
  notes: ['EPEL 7 version and unit name UNVERIFIED (5.7.x, before upstream renamed strongswan-swanctl.service in 5.8.0).'],
};

const debianStrongswan = (release: Release, releaseSource: string): StrongswanCaps => ({
  stack: 'strongswan',
  version: release,
  release,
  releaseSource,
  swanctlDir: '/etc/swanctl',
  packages: 'charon-systemd strongswan-swanctl',
  service: swanctlService(release),
  dhGroups: ALL_DH,
  notes: [],
});

export const TARGETS: Readonly<Record<VpsTargetId, VpsTarget>> = {
  'centos-6': {
    id: 'centos-6',
    label: bi('CentOS 6 (元記事の環境)', 'CentOS 6 (the seed)'),
    init: 'sysvinit',
    packageInstall: 'yum install -y',
    stacks: {
      libreswan: {
        stack: 'libreswan',
        version: '3.15',
        release: '3.15',
        releaseSource: 'UNVERIFIED build: RHEL 6.8+ core carries libreswan 3.15 (spec Version: 3.15, Release: 7.3; linux-ipsec.md S28)',
        dialect: libreswanDialect('3.15'),
        dhGroups: ALL_DH,
        ikev1: 'default',
        sha1: true,
        verify: true,
        notes: ['Exact EL6 build UNVERIFIED (3.15-7.x.el6 likely).'],
      },
    },
    defaultStack: 'libreswan',
    legacyCrypto: true,
    sysctl: 'append-sysctl-conf',
    firewall: 'iptables',
    nic: 'ifcfg',
    unverified: ['CentOS 6 reading /etc/sysctl.d is UNVERIFIED: settings are appended to /etc/sysctl.conf.'],
  },
  'centos-7': {
    id: 'centos-7',
    label: bi('CentOS 7', 'CentOS 7'),
    init: 'systemd',
    packageInstall: 'yum install -y',
    stacks: {
      libreswan: {
        stack: 'libreswan',
        version: '3.25',
        release: '3.25',
        releaseSource: 'CentOS 7.7–7.9: spec 3.25-8.1 "rhel-7.7.z"; a 7.9 host reports "Libreswan 3.25" (linux-ipsec.md S16, S27)',
        dialect: libreswanDialect('3.25'),
        dhGroups: ALL_DH,
        ikev1: 'default',
        sha1: true,
        verify: true,
        notes: [],
      },
      strongswan: { ...EPEL7_STRONGSWAN, epel: 7 },
    },
    defaultStack: 'libreswan',
    legacyCrypto: true,
    sysctl: 'sysctl-d',
    firewall: 'firewalld',
    nic: 'ifcfg',
    unverified: [],
  },
  'el-8': {
    id: 'el-8',
    label: bi('RHEL / Rocky / Alma 8', 'RHEL / Rocky / Alma 8'),
    init: 'systemd',
    packageInstall: 'dnf install -y',
    stacks: {
      libreswan: {
        stack: 'libreswan',
        version: '4.x (RHEL 8 patched)',
        release: '4.9',
        releaseSource:
          'RHEL 8.8 rebased to 4.9 (Rocky 8.8 release notes); CentOS Stream 8 ends at 4.12-2.el8.3 (linux-ipsec.md S22, S17). 4.9 is the lower bound',
        dialect: libreswanDialect('4.9', true),
        dhGroups: ALL_DH,
        ikev1: 'default',
        sha1: true,
        verify: false,
        notes: ['Built with USE_DH2=true; `ikev2=yes|propose|permit` are refused by the RHEL keyword patch.'],
      },
      strongswan: { ...EPEL_STRONGSWAN, epel: 8 },
    },
    defaultStack: 'libreswan',
    legacyCrypto: true,
    sysctl: 'sysctl-d',
    firewall: 'firewalld',
    nic: 'nmcli',
    unverified: ['`ipsec verify` on current RHEL 8 builds is UNVERIFIED; checkconfig/status are used instead.'],
  },
  'el-9': {
    id: 'el-9',
    label: bi('RHEL / Rocky / Alma 9', 'RHEL / Rocky / Alma 9'),
    init: 'systemd',
    packageInstall: 'dnf install -y',
    stacks: {
      libreswan: {
        stack: 'libreswan',
        version: '4.12',
        release: '4.12',
        releaseSource: 'RHEL 9.4: 4.12 (9.0: 4.6, 9.2: 4.9, both out of support; linux-ipsec.md S21)',
        dialect: libreswanDialect('4.12'),
        dhGroups: NO_DH2,
        ikev1: 'unavailable',
        sha1: false,
        verify: false,
        notes: ['IKEv1 on RHEL 9 is deprecated and its build is UNVERIFIED: only IKEv2 is offered.', 'SHA-1 is disabled by the DEFAULT crypto-policy.'],
      },
      strongswan: { ...EPEL_STRONGSWAN, epel: 9 },
    },
    defaultStack: 'libreswan',
    legacyCrypto: false,
    sysctl: 'sysctl-d',
    firewall: 'firewalld',
    nic: 'nmcli',
    unverified: ['libreswan on 9.6+ is UNVERIFIED (4.12 assumed).'],
  },
  'el-10': {
    id: 'el-10',
    label: bi('RHEL / Rocky / Alma 10', 'RHEL / Rocky / Alma 10'),
    init: 'systemd',
    packageInstall: 'dnf install -y',
    stacks: {
      libreswan: {
        stack: 'libreswan',
        version: '5.x',
        release: '5.0',
        releaseSource: 'UNVERIFIED: EL10 carries the 5.x line (linux-ipsec.md §1.1); 5.0 is its lower bound',
        dialect: libreswanDialect('5.0'),
        dhGroups: NO_DH2,
        ikev1: 'unavailable',
        sha1: false,
        verify: false,
        notes: ['libreswan 5.x on EL10 is UNVERIFIED in detail; IKEv1 is not offered.'],
      },
      strongswan: { ...EPEL_STRONGSWAN, epel: 10 },
    },
    defaultStack: 'libreswan',
    legacyCrypto: false,
    sysctl: 'sysctl-d',
    firewall: 'firewalld',
    nic: 'nmcli',
    unverified: ['network-scripts (ifcfg) is removed on EL10: NetworkManager keyfiles via nmcli only.'],
  },
  'debian-12': {
    id: 'debian-12',
    label: bi('Debian 12 (bookworm)', 'Debian 12 (bookworm)'),
    init: 'systemd',
    packageInstall: 'apt-get install -y',
    stacks: {
      libreswan: {
        stack: 'libreswan',
        version: '4.10',
        release: '4.10',
        releaseSource: 'Debian 12: 4.10-2+deb12u1 (apt-cache policy libreswan, bookworm)',
        dialect: libreswanDialect('4.10'),
        dhGroups: NO_DH2,
        ikev1: 'needs-policy',
        sha1: true,
        verify: true,
        notes: ['Debian ships ipsec.service disabled and ikev1-policy=drop.'],
      },
      strongswan: debianStrongswan('5.9.8', 'Debian 12: 5.9.8-5+deb12u6 (apt-cache policy strongswan-charon, bookworm)'),
    },
    defaultStack: 'strongswan',
    legacyCrypto: false,
    sysctl: 'sysctl-d',
    firewall: 'nftables',
    nic: 'ifupdown',
    unverified: ['Whether a given VPS image uses ifupdown or systemd-networkd depends on the image.'],
  },
  'debian-13': {
    id: 'debian-13',
    label: bi('Debian 13 (trixie)', 'Debian 13 (trixie)'),
    init: 'systemd',
    packageInstall: 'apt-get install -y',
    stacks: {
      libreswan: {
        stack: 'libreswan',
        version: '5.2',
        release: '5.2',
        releaseSource: 'Debian 13: 5.2-2.2 (dpkg-query in the trixie chroot)',
        dialect: libreswanDialect('5.2'),
        dhGroups: NO_DH2,
        ikev1: 'needs-policy',
        sha1: true,
        verify: false,
        notes: [],
      },
      strongswan: debianStrongswan('6.0.1', 'Debian 13: 6.0.1-6+deb13u7 (the .debs apt-get download fetches in the trixie chroot)'),
    },
    defaultStack: 'strongswan',
    legacyCrypto: false,
    sysctl: 'sysctl-d',
    firewall: 'nftables',
    nic: 'ifupdown',
    unverified: ['Whether a given VPS image uses ifupdown or systemd-networkd depends on the image.'],
  },
  'ubuntu-22.04': {
    id: 'ubuntu-22.04',
    label: bi('Ubuntu 22.04 LTS', 'Ubuntu 22.04 LTS'),
    init: 'systemd',
    packageInstall: 'apt-get install -y',
    stacks: {
      libreswan: {
        stack: 'libreswan',
        version: '3.32',
        release: '3.32',
        releaseSource: 'Ubuntu 22.04: 3.32-3ubuntu3 [universe] (packages.ubuntu.com/jammy/libreswan; linux-ipsec.md S24)',
        dialect: libreswanDialect('3.32'),
        dhGroups: NO_DH2,
        ikev1: 'default',
        sha1: true,
        verify: true,
        notes: ['In universe; built without DH2 (Debian rules never set USE_DH2).'],
      },
      strongswan: debianStrongswan('5.9.5', 'Ubuntu 22.04: 5.9.5-2ubuntu2.7 (packages.ubuntu.com/jammy/libstrongswan; linux-ipsec.md S25)'),
    },
    defaultStack: 'strongswan',
    legacyCrypto: false,
    sysctl: 'sysctl-d',
    firewall: 'ufw',
    nic: 'netplan',
    unverified: [],
  },
  'ubuntu-24.04': {
    id: 'ubuntu-24.04',
    label: bi('Ubuntu 24.04 LTS', 'Ubuntu 24.04 LTS'),
    init: 'systemd',
    packageInstall: 'apt-get install -y',
    stacks: {
      libreswan: {
        stack: 'libreswan',
        version: '4.14',
        release: '4.14',
        releaseSource: 'Ubuntu 24.04: 4.14-1ubuntu2 [universe] (packages.ubuntu.com/noble/libreswan; linux-ipsec.md S24)',
        dialect: libreswanDialect('4.14'),
        dhGroups: NO_DH2,
        ikev1: 'needs-policy',
        sha1: true,
        verify: true,
        notes: ['ikev1-policy default on Ubuntu 4.14 is UNVERIFIED; `ikev1-policy=accept` is written (harmless if already accepted).'],
      },
      strongswan: debianStrongswan('5.9.13', 'Ubuntu 24.04: 5.9.13-2ubuntu4.24.04.4 (packages.ubuntu.com/noble/libstrongswan; linux-ipsec.md S25)'),
    },
    defaultStack: 'strongswan',
    legacyCrypto: false,
    sysctl: 'sysctl-d',
    firewall: 'ufw',
    nic: 'netplan',
    unverified: [],
  },
};
