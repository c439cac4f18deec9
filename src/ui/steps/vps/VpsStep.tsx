import { useFormContext, useWatch } from 'react-hook-form';
import { STACKS, TARGETS, VPS_TARGETS, type VpsTargetId } from '../../../core/caps/targets';
import type { Plan } from '../../../core/index';
import { SelectField, TextField } from '../../form/fields';
import { useAvailableOptions } from '../../form/live';
import { ipv6PasteProblem } from '../../form/pasted';
import { useI18n } from '../../i18n';
import { VPS_IPV6_HINT } from '../hints';
import { TopologySections } from './topology/TopologySections';

const STACK_CHOICES = ['', ...STACKS] as const;

export function VpsStep() {
  const { t, pick } = useI18n();
  const { control } = useFormContext<Plan>();
  const targetId = useWatch({ control, name: 'peers.0.vps.target' }) as VpsTargetId;
  const target = TARGETS[targetId] ?? TARGETS['debian-12'];
  const targetOptions = useAvailableOptions('peers.0.vps.target', VPS_TARGETS, (value) => pick(TARGETS[value].label));
  const stackLabel = (value: string) => {
    if (value === '') return t('vps.stackDefault', { stack: target.defaultStack });
    const caps = target.stacks[value as 'libreswan' | 'strongswan'];
    return caps ? `${value} ${caps.version}` : value;
  };
  const stackOptions = useAvailableOptions('peers.0.vps.stack', STACK_CHOICES, stackLabel).map((option) =>
    option.value !== '' && !target.stacks[option.value as 'libreswan' | 'strongswan']
      ? { ...option, disabled: true, reason: option.reason ?? t('vps.stackMissing') }
      : option,
  );
  const notes = [...target.unverified, ...Object.values(target.stacks).flatMap((caps) => caps?.notes ?? [])];
  return (
    <>
      <div className="grid2">
        <SelectField path="peers.0.vps.target" label={t('vps.target')} options={targetOptions} />
        <SelectField path="peers.0.vps.stack" label={t('vps.stack')} hint={t('vps.stackHint')} options={stackOptions} emptyAsUndefined />
      </div>
      <dl className="caps" aria-label={t('vps.capsTitle')}>
        <dt>{t('vps.caps.firewall')}</dt>
        <dd className="mono">{target.firewall}</dd>
        <dt>{t('vps.caps.nic')}</dt>
        <dd className="mono">{target.nic}</dd>
        <dt>{t('vps.caps.init')}</dt>
        <dd className="mono">{target.init}</dd>
        <dt>{t('vps.caps.legacy')}</dt>
        <dd>{target.legacyCrypto ? t('common.yes') : t('common.no')}</dd>
      </dl>
      <div className="grid2">
        <TextField
          explain={ipv6PasteProblem}
          path="peers.0.vps.ipv6"
          label={t('vps.ipv6')}
          hint={pick(VPS_IPV6_HINT)}
          mono
          placeholder="2001:db8:2::1"
          className="span2"
        />
        <TextField path="peers.0.vps.publicInterface" label={t('vps.publicInterface')} mono placeholder="eth0" />
        <TextField path="peers.0.vps.privateInterface" label={t('vps.privateInterface')} mono placeholder="eth1" />
        <TextField
          path="peers.0.vps.privateAddress"
          label={t('vps.privateAddress')}
          hint={t('vps.privateAddressHint')}
          mono
          placeholder="192.168.20.1/24"
          className="span2"
        />
      </div>
      <TopologySections />
      {notes.length > 0 ? (
        <details className="notes">
          <summary>{t('common.unverified')}</summary>
          <ul lang="en">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
