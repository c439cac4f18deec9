import { useMemo } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { ROUTERS, type RouterModel } from '../../../core/caps/routers';
import type { Plan } from '../../../core/index';
import { CheckField, NumberField, NumberListField, SelectField, TextField } from '../../form/fields';
import { useAvailableOptions } from '../../form/live';
import { ipv6PasteProblem } from '../../form/pasted';
import { useI18n } from '../../i18n';
import { WAN_IPV6_HINT } from '../hints';

const ACCESS_KINDS = ['ds-lite', 'map-e', 'none'] as const;
const SCOPES = ['ike-esp', 'all-from-vps'] as const;

export function WanStep() {
  const { t, pick } = useI18n();
  const { control } = useFormContext<Plan>();
  const model = useWatch({ control, name: 'router.model' }) as RouterModel;
  const kind = useWatch({ control, name: 'home.ipv4Access.kind' });
  const pppoe = useWatch({ control, name: 'home.pppoe.enabled' });
  const caps = ROUTERS[model] ?? ROUTERS.RTX830;
  const interfaces = useMemo(() => [...new Set([...caps.wanInterfaces, ...caps.lanInterfaces])], [caps]);
  const wanOptions = useAvailableOptions('home.wanInterface', interfaces, (value) => value);
  const kindLabel: Record<(typeof ACCESS_KINDS)[number], string> = {
    'ds-lite': t('wan.access.dsLite'),
    'map-e': t('wan.access.mapE'),
    none: t('wan.access.none'),
  };
  const kindOptions = useAvailableOptions('home.ipv4Access.kind', ACCESS_KINDS, (value) => kindLabel[value]);
  const scopeLabel: Record<(typeof SCOPES)[number], string> = { 'ike-esp': t('wan.scope.ikeEsp'), 'all-from-vps': t('wan.scope.all') };
  return (
    <>
      <div className="grid2">
        <TextField
          explain={ipv6PasteProblem}
          path="home.wanIpv6"
          label={t('wan.ipv6')}
          hint={pick(WAN_IPV6_HINT)}
          mono
          placeholder="2001:db8:1::1"
          className="span2"
        />
        <SelectField path="home.wanInterface" label={t('wan.interface')} options={wanOptions} />
      </div>
      <fieldset>
        <legend>{t('wan.accessTitle')}</legend>
        <div className="grid2">
          <SelectField path="home.ipv4Access.kind" label={t('wan.accessKind')} options={kindOptions} />
          <NumberField
            path="home.ipv4Access.tunnelId"
            label={t('wan.accessTunnel')}
            hint={t('wan.accessTunnelHint')}
            min={1}
            max={3000}
            disabled={kind === 'none'}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('wan.pppoeTitle')}</legend>
        <CheckField path="home.pppoe.enabled" label={t('wan.pppoe')} hint={t('wan.pppoeHint')} />
        {pppoe ? (
          <div className="grid2">
            <NumberField path="home.pppoe.pp" label={t('wan.pppoePp')} min={1} max={150} />
            <NumberField path="home.pppoe.filterBase" label={t('wan.pppoeFilterBase')} hint={t('wan.pppoeFilterBaseHint')} min={1} />
          </div>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{t('wan.filtersTitle')}</legend>
        <p className="hint">{t('wan.filtersHint')}</p>
        <NumberListField path="home.filters.inbound" label={t('wan.filtersIn')} />
        <NumberListField path="home.filters.outbound" label={t('wan.filtersOut')} />
        <NumberListField path="home.filters.outboundDynamic" label={t('wan.filtersDynamic')} />
        <div className="grid2">
          <NumberField path="home.filters.vpsFilterBase" label={t('wan.vpsFilterBase')} min={1} />
          <SelectField path="home.filters.vpsScope" label={t('wan.vpsScope')} options={SCOPES.map((value) => ({ value, label: scopeLabel[value] }))} />
        </div>
      </fieldset>
    </>
  );
}
