import { useFormContext, useWatch } from 'react-hook-form';
import type { Plan } from '../../../../core/index';
import { FieldShell, NumberField, SelectField } from '../../../form/fields';
import { useI18n } from '../../../i18n';
import { TOPOLOGY_TEXT as T } from './texts';

/** Egress through the VPS: which home sources, and what happens while the tunnel is down. */
export function EgressSection() {
  const { pick } = useI18n();
  const { control, register, setValue } = useFormContext<Plan>();
  const mode = useWatch({ control, name: 'peers.0.egress.mode' });
  const sources = useWatch({ control, name: 'peers.0.egress.sources' }) ?? [];
  const forwardReturn = useWatch({ control, name: 'peers.0.forwardReturn' });
  const forwards = useWatch({ control, name: 'peers.0.portForwards' }) ?? [];
  const routed = mode !== 'off' || (forwardReturn === 'client-address' && forwards.length > 0);
  const setSources = (next: string[]) => setValue('peers.0.egress.sources', next, { shouldDirty: true, shouldValidate: true });
  return (
    <fieldset>
      <legend>{pick(T.egressTitle)}</legend>
      <SelectField
        path="peers.0.egress.mode"
        label={pick(T.egress)}
        hint={pick(T.egressHint)}
        options={[
          { value: 'off', label: pick(T.egressOff) },
          { value: 'all', label: pick(T.egressAll) },
          { value: 'selected', label: pick(T.egressSelected) },
        ]}
      />
      {mode === 'selected' ? (
        <>
          {sources.map((_source, index) => (
            <div className="row" key={index}>
              <FieldShell path={`peers.0.egress.sources.${index}`} label={`${pick(T.source)} #${index + 1}`}>
                {(field) => (
                  <input
                    {...field}
                    {...register(`peers.0.egress.sources.${index}`)}
                    type="text"
                    className="mono"
                    placeholder="192.168.10.0/25"
                    spellCheck={false}
                  />
                )}
              </FieldShell>
              <button
                type="button"
                className="icon"
                onClick={() => setSources(sources.filter((_, other) => other !== index))}
                aria-label={`${pick(T.removeSource)} #${index + 1}`}
              >
                ×
              </button>
            </div>
          ))}
          <div className="row">
            <button type="button" onClick={() => setSources([...sources, ''])} disabled={sources.length >= 16}>
              {pick(T.addSource)}
            </button>
          </div>
        </>
      ) : null}
      {mode !== 'off' ? (
        <SelectField
          path="peers.0.egress.whenDown"
          label={pick(T.whenDown)}
          options={[
            { value: 'fallback', label: pick(T.whenDownFallback) },
            { value: 'block', label: pick(T.whenDownBlock) },
          ]}
        />
      ) : null}
      {routed ? <NumberField path="peers.0.routeFilterBase" label={pick(T.routeFilterBase)} min={1} max={21474772} /> : null}
    </fieldset>
  );
}
