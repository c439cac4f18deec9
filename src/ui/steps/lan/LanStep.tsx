import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { ROUTERS, type RouterModel } from '../../../core/caps/routers';
import type { Plan } from '../../../core/index';
import { CheckField, FieldShell, TextField } from '../../form/fields';
import { useFieldFindings } from '../../form/findingsContext';
import { fieldId } from '../../form/planForm';
import { useI18n } from '../../i18n';
import { useEngine } from '../../useEngine';

export function LanStep() {
  const { t, pick } = useI18n();
  const { control, register } = useFormContext<Plan>();
  const { fields, append, remove } = useFieldArray({ control, name: 'home.lans' });
  const model = useWatch({ control, name: 'router.model' }) as RouterModel;
  const lans = useWatch({ control, name: 'home.lans' }) ?? [];
  const hgw = useWatch({ control, name: 'hgw.enabled' });
  const engine = useEngine();
  const caps = ROUTERS[model] ?? ROUTERS.RTX830;
  const interfaces = [...new Set([...caps.lanInterfaces, ...caps.wanInterfaces])];
  const networks = lans.map((lan) => {
    const parsed = engine?.parseIpv4Interface(lan?.address ?? '');
    return parsed && engine ? engine.formatNetwork(engine.networkOf(parsed)) : undefined;
  });
  const valid = networks.filter((network) => network !== undefined);
  const aggregate =
    engine && valid.length === lans.length && valid.length > 0
      ? engine.aggregateNetworks(lans.map((lan) => engine.networkOf(engine.parseIpv4Interface(lan!.address)!))).map(engine.formatNetwork)
      : [];
  const listFindings = useFieldFindings('home.lans');
  const free = interfaces.find((name) => !lans.some((lan) => lan?.interface === name));
  return (
    <>
      <fieldset id={fieldId('home.lans')} tabIndex={-1} aria-describedby="lans-aggregate lans-msg">
        <legend>{t('lan.title')}</legend>
        <p className="hint">{t('lan.hint')}</p>
        {fields.map((item, index) => (
          <div className="lan-row" key={item.id}>
            <FieldShell path={`home.lans.${index}.interface`} label={t('lan.interface', { n: index + 1 })}>
              {(control) => (
                <select {...control} {...register(`home.lans.${index}.interface`)}>
                  {[...new Set([...interfaces, lans[index]?.interface ?? ''])].filter(Boolean).map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              )}
            </FieldShell>
            <TextField path={`home.lans.${index}.address`} label={t('lan.address', { n: index + 1 })} mono placeholder="192.168.10.1/24" />
            <output className="lan-net mono" aria-label={t('lan.network')}>
              {networks[index] ?? '—'}
            </output>
            <button type="button" className="icon" onClick={() => remove(index)} disabled={fields.length <= 1} aria-label={t('lan.remove', { n: index + 1 })}>
              ×
            </button>
          </div>
        ))}
        <div className="row">
          <button type="button" onClick={() => append({ interface: free ?? 'lan1', address: '' })} disabled={fields.length >= 4}>
            {t('lan.add')}
          </button>
        </div>
        <p className="aggregate" id="lans-aggregate" aria-live="polite">
          {t('lan.aggregate')}: <b className="mono">{aggregate.length > 0 ? aggregate.join(', ') : '—'}</b>
        </p>
        <div className="messages" id="lans-msg" aria-live="polite">
          {listFindings.map((finding, index) => (
            <p key={index} className={`msg ${finding.level}`}>
              {pick(finding.message)}
            </p>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('hgw.title')}</legend>
        <CheckField path="hgw.enabled" label={t('hgw.enabled')} hint={t('hgw.hint')} />
        {hgw ? (
          <div className="grid2">
            <TextField path="hgw.model" label={t('hgw.model')} />
            <TextField path="hgw.address" label={t('hgw.address')} mono />
            <CheckField path="hgw.disableDhcp" label={t('hgw.disableDhcp')} className="span2" />
          </div>
        ) : null}
      </fieldset>
    </>
  );
}
