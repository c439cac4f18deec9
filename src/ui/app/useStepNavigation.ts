import { useMemo, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { Finding, Plan } from '../../core/index';
import { errorsOfStep, STEP_IDS, type StepId } from '../form/planForm';
import { loadEngine } from '../useEngine';
import { focusPath } from './focusPath';

export interface StepNavigation {
  readonly step: StepId;
  readonly stepIndex: number;
  /** Errors per step, from the live findings. */
  readonly stepErrors: Readonly<Record<StepId, number>>;
  /** The message shown after Next was refused. */
  readonly blocked: string;
  readonly heading: RefObject<HTMLHeadingElement | null>;
  /** Opens a step and focuses a field of it (or its heading). */
  readonly goTo: (next: StepId, focus?: string) => void;
  /** Next: checks the current step with the core first. */
  readonly next: (values: Plan, blockedMessage: (errors: number) => string) => Promise<void>;
}

export function useStepNavigation(initial: StepId, findings: readonly Finding[]): StepNavigation {
  const [step, setStep] = useState<StepId>(initial);
  const [blocked, setBlocked] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const stepIndex = STEP_IDS.indexOf(step);
  const stepErrors = useMemo(() => Object.fromEntries(STEP_IDS.map((id) => [id, errorsOfStep(findings, id).length])) as Record<StepId, number>, [findings]);

  const goTo = (next: StepId, focus?: string) => {
    flushSync(() => {
      setStep(next);
      setBlocked('');
    });
    if (!(focus && focusPath(focus))) heading.current?.focus();
  };

  const next = async (values: Plan, blockedMessage: (errors: number) => string) => {
    const { generate } = await loadEngine();
    const errors = errorsOfStep(generate(values).findings, step);
    if (errors.length > 0) {
      setBlocked(blockedMessage(errors.length));
      focusPath(errors[0]!.path);
      return;
    }
    const following = STEP_IDS[stepIndex + 1];
    if (following) goTo(following);
  };

  return { step, stepIndex, stepErrors, blocked: stepErrors[step] > 0 ? blocked : '', heading, goTo, next };
}
