import { useFieldArray, useFormContext } from 'react-hook-form';
import type { Plan } from '../../../../core/index';
import { FieldShell, SelectField, TextField } from '../../../form/fields';
import { fieldId } from '../../../form/planForm';
import { useI18n } from '../../../i18n';
import { TOPOLOGY_TEXT as T } from './texts';

const optionalNumber = (value: unknown) => (value === '' || value === null || value === undefined ? undefined : Number(value));

/** A port input whose empty text means "absent" (range end, server port). */
function OptionalPort({
  path,
  label,
}: {
  readonly path: `peers.0.portForwards.${number}.publicPortEnd` | `peers.0.portForwards.${number}.hostPort`;
  readonly label: string;
}) {
  const { register } = useFormContext<Plan>();
  return (
    <FieldShell path={path} label={label}>
      {(control) => <input {...control} {...register(path, { setValueAs: optionalNumber })} type="number" inputMode="numeric" min={1} max={65535} step={1} />}
    </FieldShell>
  );
}

/** "公開したいサーバーが自宅にありますか?": the port forward list and the return path choice. */
export function ForwardsSection() {
  const { pick } = useI18n();
  const { control, register } = useFormContext<Plan>();
  const { fields, append, remove, replace } = useFieldArray({ control, name: 'peers.0.portForwards' });
  const add = () => append({ protocol: 'tcp', publicPort: 443, host: '' });
  return (
    <fieldset id={fieldId('peers.0.portForwards')} tabIndex={-1}>
      <legend>{pick(T.forwardsTitle)}</legend>
      <p className="hint">{pick(T.forwardsHint)}</p>
      <div className="field" role="radiogroup" aria-label={pick(T.forwardsQuestion)}>
        <p>{pick(T.forwardsQuestion)}</p>
        <label>
          <input type="radio" name="topo-forwards" checked={fields.length > 0} onChange={() => fields.length === 0 && add()} /> {pick(T.yes)}
        </label>{' '}
        <label>
          <input type="radio" name="topo-forwards" checked={fields.length === 0} onChange={() => replace([])} /> {pick(T.no)}
        </label>
      </div>
      {fields.map((item, index) => (
        <div className="forward-row grid2" key={item.id}>
          <FieldShell path={`peers.0.portForwards.${index}.protocol`} label={`${pick(T.protocol)} #${index + 1}`}>
            {(field) => (
              <select {...field} {...register(`peers.0.portForwards.${index}.protocol`)}>
                <option value="tcp">tcp</option>
                <option value="udp">udp</option>
              </select>
            )}
          </FieldShell>
          <FieldShell path={`peers.0.portForwards.${index}.publicPort`} label={`${pick(T.publicPort)} #${index + 1}`}>
            {(field) => (
              <input
                {...field}
                {...register(`peers.0.portForwards.${index}.publicPort`, { valueAsNumber: true })}
                type="number"
                inputMode="numeric"
                min={1}
                max={65535}
                step={1}
              />
            )}
          </FieldShell>
          <OptionalPort path={`peers.0.portForwards.${index}.publicPortEnd`} label={pick(T.publicPortEnd)} />
          <TextField path={`peers.0.portForwards.${index}.host`} label={`${pick(T.host)} #${index + 1}`} mono placeholder="192.168.10.5" />
          <OptionalPort path={`peers.0.portForwards.${index}.hostPort`} label={pick(T.hostPort)} />
          <div className="row">
            <button type="button" className="icon" onClick={() => remove(index)} aria-label={`${pick(T.removeForward)} #${index + 1}`}>
              ×
            </button>
          </div>
        </div>
      ))}
      {fields.length > 0 ? (
        <>
          <div className="row">
            <button type="button" onClick={add} disabled={fields.length >= 32}>
              {pick(T.addForward)}
            </button>
          </div>
          <SelectField
            path="peers.0.forwardReturn"
            label={pick(T.returnPath)}
            options={[
              { value: 'snat', label: pick(T.returnSnat) },
              { value: 'client-address', label: pick(T.returnClient) },
            ]}
          />
        </>
      ) : null}
    </fieldset>
  );
}
