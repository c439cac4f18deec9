import type { Language, Plan } from '../../core/index';
import { randomPsk } from '../../core/crypto/randomPsk';
import { freshDefaults } from '../form/defaults';
import { formValuesFrom, type StepId } from '../form/planForm';
import { detectLanguage } from '../i18n';
import { loadDraft, loadLanguage } from '../persistence/draft';

export function initialLanguage(): Language {
  return loadLanguage() ?? detectLanguage(navigator.languages ?? [navigator.language]);
}

/** What the page opens with, read once before the first render. */
export interface Start {
  readonly values: Plan;
  readonly keepPsk: boolean;
  readonly step: StepId;
  /** A share link is in the address bar: decoded after the first paint. */
  readonly hash: string;
}

export function initialState(): Start {
  const draft = loadDraft();
  const hash = window.location.hash;
  if (hash.length > 1) return { values: freshDefaults(), keepPsk: draft?.keepPsk ?? false, step: 'router', hash };
  if (draft) return { values: formValuesFrom(draft.values), keepPsk: draft.keepPsk, step: draft.step, hash: '' };
  // A first visit: start from the defaults with a fresh random key, so the preview shows files at once.
  const values = freshDefaults();
  values.peers[0]!.tunnel.psk = randomPsk();
  return { values, keepPsk: false, step: 'router', hash: '' };
}
