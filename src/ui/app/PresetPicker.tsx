import { useState } from 'react';
import type { Plan } from '../../core/index';
import { useI18n } from '../i18n';
import { PRESETS } from '../presets/presets';
import { loadEngine } from '../useEngine';

interface Props {
  /** A preset parsed: put it into the form, with a notice. */
  readonly onPlan: (plan: Plan, notice: string) => void;
  readonly onNotice: (notice: string) => void;
}

export function PresetPicker({ onPlan, onNotice }: Props) {
  const { t, pick } = useI18n();
  const [preset, setPreset] = useState(PRESETS[0]?.id ?? '');
  const apply = async () => {
    const chosen = PRESETS.find((candidate) => candidate.id === preset);
    if (!chosen) return;
    const [{ parsePlan }, value] = await Promise.all([loadEngine(), chosen.load()]);
    const parsed = parsePlan(value);
    if (!parsed.ok) {
      onNotice(t('preset.invalid'));
      return;
    }
    const plan = structuredClone(parsed.plan);
    plan.peers[0]!.tunnel.psk = '';
    onPlan(plan, t('preset.applied', { name: pick(chosen.label) }));
  };
  return (
    <div className="tool-group">
      <label htmlFor="preset">{t('preset.label')}</label>
      <select id="preset" value={preset} onChange={(event) => setPreset(event.target.value)}>
        {PRESETS.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {pick(candidate.label)}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void apply()}>
        {t('preset.apply')}
      </button>
    </div>
  );
}
