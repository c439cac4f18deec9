import { useState } from 'react';
import type { Bilingual, Plan } from '../../core/index';
import { randomPsk } from '../../core/crypto/randomPsk';
import { useI18n } from '../i18n';
import { PRESETS } from '../presets/presets';
import { loadEngine } from '../useEngine';
import { message, type Message } from './message';

/** The preset last loaded, and whether the form still holds it as loaded. */
export interface LoadedPreset {
  readonly id: string;
  readonly label: Bilingual;
  readonly edited: boolean;
}

interface Props {
  readonly loaded: LoadedPreset | null;
  /** The key in the form now ('' for none): a preset keeps it, so that its files appear at once. */
  readonly currentPsk: () => string;
  /** A preset parsed: put it into the form, with a notice. */
  readonly onPreset: (plan: Plan, preset: Omit<LoadedPreset, 'edited'>, notice: Message) => void;
  readonly onNotice: (notice: Message) => void;
}

/**
 * Choose, then load: the list starts on "choose" and, once a preset is loaded, shows it with
 * "(edited)" after a change, so it never names a configuration the form does not hold.
 */
export function PresetPicker({ loaded, currentPsk, onPreset, onNotice }: Props) {
  const { t, pick } = useI18n();
  const [choice, setChoice] = useState('');
  const shown = choice || loaded?.id || '';
  const apply = async () => {
    const chosen = PRESETS.find((candidate) => candidate.id === shown);
    if (!chosen) return;
    const [{ parsePlan }, value] = await Promise.all([loadEngine(), chosen.load()]);
    const parsed = parsePlan(value);
    if (!parsed.ok) {
      onNotice(message('preset.invalid'));
      return;
    }
    const plan = structuredClone(parsed.plan);
    // An example's key is public: keep the user's own, or make one, never the example's.
    const psk = currentPsk();
    plan.peers[0]!.tunnel.psk = psk || randomPsk();
    setChoice('');
    onPreset(plan, { id: chosen.id, label: chosen.label }, message(psk ? 'preset.appliedKeptKey' : 'preset.appliedNewKey', { name: chosen.label }));
  };
  return (
    <div className="tool-group">
      <label htmlFor="preset">{t('preset.label')}</label>
      <select id="preset" value={shown} onChange={(event) => setChoice(event.target.value)} aria-describedby="preset-state">
        <option value="">{t('preset.choose')}</option>
        {PRESETS.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {pick(candidate.label)}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void apply()} disabled={shown === '' || (shown === loaded?.id && !loaded.edited && !choice)}>
        {t('preset.apply')}
      </button>
      <span id="preset-state" className="preset-state">
        {loaded ? t(loaded.edited ? 'preset.loadedEdited' : 'preset.loaded', { name: pick(loaded.label) }) : t('preset.none')}
      </span>
    </div>
  );
}
