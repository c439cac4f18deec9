import type { Language, Plan } from '../../core/index';
import { useI18n } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { PlanFileButtons } from './PlanFileButtons';
import { PresetPicker } from './PresetPicker';
import { ResetButton } from './ResetButton';

interface Props {
  readonly getValues: () => Plan;
  /** A whole plan from a preset or a file: put it into the form, with a notice. */
  readonly onPlan: (plan: Plan, notice: string) => void;
  readonly onNotice: (notice: string) => void;
  readonly onReset: () => void;
  readonly onLanguage: (language: Language) => void;
  readonly flash: (message: string) => void;
}

export function Header({ getValues, onPlan, onNotice, onReset, onLanguage, flash }: Props) {
  const { t } = useI18n();
  return (
    <header className="top">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p>{t('app.tagline')}</p>
      </div>
      <div className="toolbar">
        <PresetPicker onPlan={onPlan} onNotice={onNotice} />
        <div className="tool-group">
          <PlanFileButtons getValues={getValues} onPlan={onPlan} onNotice={onNotice} flash={flash} />
          <ResetButton onReset={onReset} />
        </div>
        <LanguageSwitch onLanguage={onLanguage} />
      </div>
    </header>
  );
}
