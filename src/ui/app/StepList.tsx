import { STEP_IDS } from '../form/planForm';
import { useI18n } from '../i18n';
import { STEP_TITLE } from './stepText';
import type { StepNavigation } from './useStepNavigation';

/**
 * The numbered list of steps: where the user is, which steps have errors, which are done. Every step
 * stays open: an error in one step (an address not known yet) must not lock the others.
 */
export function StepList({ nav }: { readonly nav: StepNavigation }) {
  const { t } = useI18n();
  const { step, stepIndex, stepErrors, goTo } = nav;
  return (
    <nav aria-label={t('steps.label')} className="steps">
      <ol>
        {STEP_IDS.map((id, index) => (
          <li key={id}>
            <button
              type="button"
              aria-current={id === step ? 'step' : undefined}
              onClick={() => goTo(id)}
              className={stepErrors[id] > 0 ? 'has-errors' : index < stepIndex ? 'done' : ''}
            >
              <span className="num">{index + 1}</span>
              <span className="label">{t(STEP_TITLE[id])}</span>
              {stepErrors[id] > 0 ? <span className="sr-only">{t('steps.errors', { n: stepErrors[id] })}</span> : null}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
