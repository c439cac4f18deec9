import { Suspense, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { ROUTER_MODELS, ROUTERS, type RouterModel } from '../../../core/caps/routers';
import type { Plan } from '../../../core/index';
import { SelectField, TextField } from '../../form/fields';
import { revision } from '../../form/normalize';
import { useI18n } from '../../i18n';
import { lazyComponent } from '../../lazyComponent';

// Opened on demand: its texts stay out of the first screen's JavaScript.
const { Component: ConsoleHelp } = lazyComponent(() => import('./ConsoleHelp').then((module) => module.ConsoleHelp));

const gateText = (gate: boolean | { since?: string; after?: string }, yes: string, no: string): string =>
  typeof gate === 'boolean' ? (gate ? yes : no) : gate.since ? `Rev.${gate.since}+` : `> Rev.${gate.after}`;

// The paste panel (issue 13) loads after the first paint, outside the initial-JS budget.
const { Component: ImportPaste } = lazyComponent(() => import('./ImportPaste').then((module) => module.ImportPaste));

export function RouterStep() {
  const { t } = useI18n();
  const [helpOpen, setHelpOpen] = useState(false);
  const { control, setValue, getValues } = useFormContext<Plan>();
  const model = useWatch({ control, name: 'router.model' }) as RouterModel;
  const caps = ROUTERS[model] ?? ROUTERS.RTX830;
  const options = ROUTER_MODELS.map((value) => ({ value, label: value }));
  const onModel = (next: RouterModel) => {
    // A revision from another model's series is always wrong: offer the new model's known revision.
    const firmware = getValues('router.firmware');
    const nextCaps = ROUTERS[next];
    if (nextCaps && !nextCaps.firmwareSeries.some((series) => firmware.startsWith(`${series}.`))) {
      setValue('router.firmware', nextCaps.exampleRevision, { shouldDirty: true });
    }
  };
  return (
    <>
      <Suspense fallback={null}>
        <ImportPaste />
      </Suspense>
      <div className="grid2">
        <SelectField path="router.model" label={t('router.model')} options={options} onValueChange={(value) => onModel(value as RouterModel)} />
        <TextField
          path="router.firmware"
          label={t('router.firmware')}
          hint={t('router.firmwareHint', { series: caps.firmwareSeries.join(', '), example: caps.exampleRevision })}
          mono
          normalize={revision}
        />
      </div>
      <dl className="caps" aria-label={t('router.capsTitle')}>
        <dt>{t('router.caps.tunnels')}</dt>
        <dd>{caps.maxTunnels}</dd>
        <dt>{t('router.caps.ikev2')}</dt>
        <dd>{gateText(caps.ikev2SiteToSite, t('common.yes'), t('common.no'))}</dd>
        <dt>{t('router.caps.mapE')}</dt>
        <dd>{gateText(caps.mapE, t('common.yes'), t('common.no'))}</dd>
        <dt>{t('router.caps.sha2')}</dt>
        <dd>{caps.sha2Long ? t('common.yes') : t('common.no')}</dd>
        <dt>{t('router.caps.wan')}</dt>
        <dd className="mono">{caps.wanInterfaces.join(', ')}</dd>
        <dt>{t('router.caps.lan')}</dt>
        <dd className="mono">{caps.lanInterfaces.join(', ')}</dd>
      </dl>
      <details className="notes" id="router-console" onToggle={(event) => setHelpOpen(event.currentTarget.open)}>
        <summary>{t('router.consoleTitle')}</summary>
        {helpOpen ? (
          <Suspense fallback={<p className="hint">…</p>}>
            <ConsoleHelp />
          </Suspense>
        ) : null}
      </details>
      {caps.unverified.length > 0 ? (
        <details className="notes">
          <summary>{t('common.unverified')}</summary>
          <ul lang="en">
            {caps.unverified.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
