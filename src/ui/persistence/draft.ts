import type { Plan } from '../../core/index';
import { STEP_IDS, type StepId } from '../form/planForm';

/** The autosaved draft: form values (no PSK unless the user opted in), the opt-in and the step. */
export interface Draft {
  readonly values: unknown;
  readonly keepPsk: boolean;
  readonly step: StepId;
}

const DRAFT_KEY = 'rtx-vps-ipsec-wizard:draft:v1';
const LANGUAGE_KEY = 'rtx-vps-ipsec-wizard:language';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function loadDraft(): Draft | undefined {
  try {
    const text = storage()?.getItem(DRAFT_KEY);
    if (!text) return undefined;
    const value = JSON.parse(text) as Partial<Draft>;
    if (typeof value !== 'object' || value === null || typeof value.values !== 'object') return undefined;
    return {
      values: value.values,
      keepPsk: value.keepPsk === true,
      step: STEP_IDS.includes(value.step as StepId) ? (value.step as StepId) : 'router',
    };
  } catch {
    return undefined;
  }
}

export function withoutPsk(values: Plan): Plan {
  const copy = structuredClone(values);
  for (const peer of copy.peers ?? []) if (peer?.tunnel) peer.tunnel.psk = '';
  return copy;
}

export function saveDraft(values: Plan, keepPsk: boolean, step: StepId): void {
  try {
    storage()?.setItem(DRAFT_KEY, JSON.stringify({ values: keepPsk ? values : withoutPsk(values), keepPsk, step }));
  } catch {
    // Storage full or disabled: the draft is a convenience only.
  }
}

export function clearDraft(): void {
  try {
    storage()?.removeItem(DRAFT_KEY);
  } catch {
    // ignored
  }
}

export function loadLanguage(): 'ja' | 'en' | undefined {
  try {
    const value = storage()?.getItem(LANGUAGE_KEY);
    return value === 'ja' || value === 'en' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function saveLanguage(language: 'ja' | 'en'): void {
  try {
    storage()?.setItem(LANGUAGE_KEY, language);
  } catch {
    // ignored
  }
}
