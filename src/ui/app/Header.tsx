import type { Language, Plan } from '../../core/index';
import { useI18n } from '../i18n';
import type { Message } from './message';
import { LanguageSwitch } from './LanguageSwitch';
import { PlanFileButtons } from './PlanFileButtons';
import { PresetPicker, type LoadedPreset } from './PresetPicker';
import { ResetButton } from './ResetButton';
import type { Flash } from './useStatus';

interface Props {
  readonly getValues: () => Plan;
  /** A whole plan from a preset or a file: put it into the form, with a notice. */
  readonly onPlan: (plan: Plan, notice: Message) => void;
  readonly onNotice: (notice: Message) => void;
  readonly onReset: () => void;
  readonly loadedPreset: LoadedPreset | null;
  readonly onPreset: (plan: Plan, preset: Omit<LoadedPreset, 'edited'>, notice: Message) => void;
  readonly onLanguage: (language: Language) => void;
  readonly flash: Flash;
}

export function Header({ getValues, onPlan, onNotice, onReset, loadedPreset, onPreset, onLanguage, flash }: Props) {
  const { t } = useI18n();
  return (
    <header className="top">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p>{t('app.tagline')}</p>
      </div>
      <div className="toolbar">
        <PresetPicker loaded={loadedPreset} currentPsk={() => getValues().peers[0]?.tunnel.psk ?? ''} onPreset={onPreset} onNotice={onNotice} />
        <div className="tool-group">
          <PlanFileButtons getValues={getValues} onPlan={onPlan} onNotice={onNotice} flash={flash} />
          <ResetButton onReset={onReset} />
        </div>
        <LanguageSwitch onLanguage={onLanguage} />
      </div>
    </header>
  );
}
