import type { Language, Plan } from '../../core/index';
import { randomPsk } from '../../core/crypto/randomPsk';
import { freshDefaults } from '../form/defaults';
import { formValuesFrom, type StepId } from '../form/planForm';
import { detectLanguage } from '../i18n';
import { loadDraft, loadLanguage, loadTabStep, type Draft } from '../persistence/draft';

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
  /** The autosaved draft found on opening (a link replaces it: it is kept to restore). */
  readonly draft?: Draft;
}

export function initialState(): Start {
  const draft = loadDraft();
  const hash = window.location.hash;
  // A reload keeps this tab's step (the draft's step may be another tab's).
  const tabStep = loadTabStep();
  if (hash.length > 1) return { values: freshDefaults(), keepPsk: draft?.keepPsk ?? false, step: tabStep ?? 'router', hash, draft };
  if (draft) return { values: formValuesFrom(draft.values), keepPsk: draft.keepPsk, step: tabStep ?? draft.step, hash: '', draft };
  // A first visit: start from the defaults with a fresh random key, so the preview shows files at once.
  const values = freshDefaults();
  values.peers[0]!.tunnel.psk = randomPsk();
  return { values, keepPsk: false, step: 'router', hash: '' };
}
