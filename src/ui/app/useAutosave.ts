import { useEffect, useState } from 'react';
import type { Plan } from '../../core/index';
import type { StepId } from '../form/planForm';
import { saveDraft, saveTabStep } from '../persistence/draft';

/**
 * Saves the draft a moment after each change: of the plan, of the step, or of "keep the key"
 * (unticking it right after a reload must take the key out of storage at once). The untouched first
 * render saves nothing, so a first visit leaves no draft behind. `paused` while another tab's draft
 * is waiting for the user's answer.
 */
export function useAutosave(json: string, keepPsk: boolean, step: StepId, paused: boolean): void {
  const [start] = useState({ json, keepPsk, step });
  useEffect(() => saveTabStep(step), [step]);
  useEffect(() => {
    if (paused || (json === start.json && keepPsk === start.keepPsk && step === start.step)) return;
    const timer = window.setTimeout(() => saveDraft(JSON.parse(json) as Plan, keepPsk, step), 300);
    return () => window.clearTimeout(timer);
  }, [json, keepPsk, step, paused, start]);
}
