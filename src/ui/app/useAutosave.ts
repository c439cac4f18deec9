import { useEffect } from 'react';
import type { Plan } from '../../core/index';
import type { StepId } from '../form/planForm';
import { saveDraft } from '../persistence/draft';

/** Saves the draft a moment after each change (never on the untouched first render). */
export function useAutosave(json: string, startJson: string, keepPsk: boolean, step: StepId): void {
  useEffect(() => {
    if (json === startJson) return;
    const timer = window.setTimeout(() => saveDraft(JSON.parse(json) as Plan, keepPsk, step), 300);
    return () => window.clearTimeout(timer);
  }, [json, startJson, keepPsk, step]);
}
