import { STEP_IDS } from '../form/planForm';
import { useI18n } from '../i18n';
import type { StepNavigation } from './useStepNavigation';

/** Back, the reason Next was refused, and Next. */
export function StepFooter({ nav, onNext }: { readonly nav: StepNavigation; readonly onNext: () => void }) {
  const { t } = useI18n();
  const { step, stepIndex, stepErrors, blocked, goTo } = nav;
  return (
    <div className="nav">
      <button type="button" onClick={() => goTo(STEP_IDS[stepIndex - 1]!)} disabled={stepIndex === 0}>
        {t('nav.back')}
      </button>
      <p className="blocked" aria-live="assertive">
        {blocked}
      </p>
      {step !== 'review' ? (
        <button type="button" className="primary" onClick={onNext} aria-disabled={stepErrors[step] > 0}>
          {t('nav.next')}
        </button>
      ) : null}
    </div>
  );
}
