import { useFormContext, useWatch } from 'react-hook-form';
import type { Plan } from '../../../../core/index';
import { NumberField, SelectField, TextField } from '../../../form/fields';
import { useI18n } from '../../../i18n';
import { TOPOLOGY_TEXT as T } from './texts';

/** Single-NIC VPS: where the inner address lives, and the SSH port no forward may take. */
export function NicSection() {
  const { pick } = useI18n();
  const { control } = useFormContext<Plan>();
  const inner = useWatch({ control, name: 'peers.0.vps.inner' });
  return (
    <fieldset>
      <legend>{pick(T.nicTitle)}</legend>
      <div className="grid2">
        <SelectField
          path="peers.0.vps.inner"
          label={pick(T.inner)}
          hint={pick(T.innerHint)}
          className="span2"
          options={[
            { value: 'private-nic', label: pick(T.innerPrivate) },
            { value: 'dummy', label: pick(T.innerDummy) },
          ]}
        />
        {inner === 'dummy' ? <TextField path="peers.0.vps.dummyInterface" label={pick(T.dummyInterface)} mono placeholder="rtx0" /> : null}
        <NumberField path="peers.0.vps.sshPort" label={pick(T.sshPort)} hint={pick(T.sshPortHint)} min={1} max={65535} />
      </div>
    </fieldset>
  );
}
