import type { Plan } from '../../core/index';
import { STEP_IDS, type StepId } from '../form/planForm';

/** The autosaved draft: form values (no PSK unless the user opted in), the opt-in and the step. */
export interface Draft {
  readonly values: unknown;
  readonly keepPsk: boolean;
  readonly step: StepId;
}

export const DRAFT_KEY = 'rtx-vps-ipsec-wizard:draft:v1';
/** The draft a share link replaced when it opened, kept until the user restores or closes it. */
const PREVIOUS_KEY = 'rtx-vps-ipsec-wizard:previous-draft:v1';
/** The step of this tab (sessionStorage: survives a reload, not shared with other tabs). */
const STEP_KEY = 'rtx-vps-ipsec-wizard:step';
const LANGUAGE_KEY = 'rtx-vps-ipsec-wizard:language';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export const loadDraft = (): Draft | undefined => readDraft(DRAFT_KEY);
export const loadPreviousDraft = (): Draft | undefined => readDraft(PREVIOUS_KEY);

function readDraft(key: string): Draft | undefined {
  try {
    const text = storage()?.getItem(key);
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

/** Keeps a draft that something else is about to replace (stored as it was: its key only if opted in). */
export function stashPreviousDraft(draft: Draft): void {
  try {
    storage()?.setItem(PREVIOUS_KEY, JSON.stringify(draft));
  } catch {
    // ignored
  }
}

export function clearPreviousDraft(): void {
  try {
    storage()?.removeItem(PREVIOUS_KEY);
  } catch {
    // ignored
  }
}

export function loadTabStep(): StepId | undefined {
  try {
    const value = window.sessionStorage.getItem(STEP_KEY);
    return STEP_IDS.includes(value as StepId) ? (value as StepId) : undefined;
  } catch {
    return undefined;
  }
}

export function saveTabStep(step: StepId): void {
  try {
    window.sessionStorage.setItem(STEP_KEY, step);
  } catch {
    // ignored
  }
}
