import type { Bilingual } from '../../core/index';

/** Every examples/*.plan.json, loaded when chosen; new example files appear here by themselves. */
const LOADERS = import.meta.glob<unknown>('/examples/*.plan.json', { import: 'default' });

const LABELS: Readonly<Record<string, Bilingual>> = {
  seed: { ja: '元記事の構成 (RTX830 + CentOS 6, IKEv1)', en: 'The seed (RTX830 + CentOS 6, IKEv1)' },
  'rocky9-libreswan-ikev2': { ja: 'Rocky Linux 9 + libreswan (IKEv2)', en: 'Rocky Linux 9 + libreswan (IKEv2)' },
  'debian12-strongswan-ikev2': { ja: 'Debian 12 + strongSwan (IKEv2)', en: 'Debian 12 + strongSwan (IKEv2)' },
  'ubuntu2404-libreswan-ikev1': { ja: 'Ubuntu 24.04 + libreswan (IKEv1)', en: 'Ubuntu 24.04 + libreswan (IKEv1)' },
  'debian12-libreswan-ikev2': { ja: 'Debian 12 + libreswan (IKEv2)', en: 'Debian 12 + libreswan (IKEv2)' },
  'debian12-libreswan-ikev1': { ja: 'Debian 12 + libreswan (IKEv1)', en: 'Debian 12 + libreswan (IKEv1)' },
  'rtx1210-mape-debian13': { ja: 'RTX1210 (MAP-E) + Debian 13', en: 'RTX1210 (MAP-E) + Debian 13' },
};
const ORDER = Object.keys(LABELS);

export interface Preset {
  readonly id: string;
  readonly label: Bilingual;
  readonly load: () => Promise<unknown>;
}

const idOf = (path: string): string => path.replace(/^.*\//, '').replace(/\.plan\.json$/, '');

const rank = (id: string): number => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length);

export const PRESETS: readonly Preset[] = Object.entries(LOADERS)
  .map(([path, load]) => {
    const id = idOf(path);
    return { id, label: LABELS[id] ?? { ja: id, en: id }, load };
  })
  .sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
