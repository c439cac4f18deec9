import { useEffect, useMemo, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import type { Bilingual, Language, Plan } from '../core/index';
import { Banners } from './app/Banners';
import { bundleActions } from './app/bundleActions';
import { Header } from './app/Header';
import { initialState } from './app/initialState';
import { message, renderMessage, type Message, type Notice } from './app/message';
import { PreviewPane } from './app/PreviewPane';
import { planIdentity } from './app/samePlan';
import { StepBody } from './app/StepBody';
import { StepFooter } from './app/StepFooter';
import { StepList } from './app/StepList';
import { useAutosave } from './app/useAutosave';
import { useDraftConflict } from './app/useDraftConflict';
import { DraftBanners } from './app/DraftBanners';
import { useLiveBundle } from './app/useLiveBundle';
import { useShareLinkSync } from './app/useShareLinkSync';
import { useStatus } from './app/useStatus';
import { useStepNavigation } from './app/useStepNavigation';
import { freshDefaults } from './form/defaults';
import { FindingsContext } from './form/findingsContext';
import { LiveContext } from './form/live';
import { formValuesFrom, planResolver, stepOf } from './form/planForm';
import { I18nContext, loadDictionary, translator, type I18n } from './i18n';
import { clearDraft, clearPreviousDraft, loadDraft, loadPreviousDraft, saveDraft, saveLanguage, stashPreviousDraft, type Draft } from './persistence/draft';

export { initialLanguage } from './app/initialState';

/**
 * The page: one form over the plan, run through the core as the user types. Each concern lives in
 * its own hook or component under app/ (share link, autosave, live bundle, header, navigation).
 */
export function App({ language }: { readonly language: Language }) {
  const [start] = useState(initialState);
  const [lang, setLanguage] = useState<Language>(language);
  const setLang = (next: Language) => void loadDictionary(next).then(() => setLanguage(next));
  const i18n = useMemo<I18n>(() => ({ lang, t: translator(lang), pick: (text) => text[lang] }), [lang]);
  const { t } = i18n;

  const form = useForm<Plan>({ defaultValues: start.values, resolver: planResolver, mode: 'onChange' });
  const { control, reset, getValues } = form;
  const watched = useWatch({ control });
  const json = JSON.stringify(watched);
  const [startJson] = useState(json);

  const bundle = useLiveBundle(json, start.values);
  const { live } = bundle;
  const [keepPsk, setKeepPsk] = useState(start.keepPsk);
  const [notice, setNotice] = useState<Notice | null>(null);
  const say = (next: Message) => setNotice({ message: next });
  const { status, flash } = useStatus();
  const nav = useStepNavigation(start.step, live.findings);
  // A share link replaces the form: the draft it replaced is kept (unless it is the same plan, as on a reload).
  const [previous, setPrevious] = useState<Draft | undefined>(loadPreviousDraft);
  const onLinkOpened = (linked: Plan | null, hasPsk: boolean) => {
    // A link without the key looks broken to its recipient: say it was left out on purpose.
    if (linked && !hasPsk) say(message('link.noKey'));
    const draft = start.draft;
    if (!draft || (linked && planIdentity(formValuesFrom(draft.values)) === planIdentity(linked))) return;
    stashPreviousDraft(draft);
    setPrevious(draft);
  };
  const share = useShareLinkSync({ startHash: start.hash, startValues: start.values, plan: live.plan, json, startJson, form, onOpened: onLinkOpened });
  const conflict = useDraftConflict();
  useAutosave(json, keepPsk, nav.step, conflict.active);

  const onKeepPsk = (keep: boolean) => {
    setKeepPsk(keep);
    // Unticked: the key leaves storage now, not at the next edit.
    if (!keep) saveDraft(getValues(), false, nav.step);
  };
  const restorePrevious = () => {
    if (!previous) return;
    reset(formValuesFrom(previous.values));
    setKeepPsk(previous.keepPsk);
    clearPreviousDraft();
    setPrevious(undefined);
    say(message('draft.restored'));
  };
  const dropPrevious = () => {
    clearPreviousDraft();
    setPrevious(undefined);
  };
  const takeOther = () => {
    const other = loadDraft();
    if (other) {
      const values = formValuesFrom(other.values);
      // The other tab's draft has no key unless it kept one: keep this tab's key then.
      if (!values.peers[0]!.tunnel.psk) values.peers[0]!.tunnel.psk = getValues('peers.0.tunnel.psk') ?? '';
      reset(values);
      setKeepPsk(other.keepPsk);
    }
    conflict.resolve();
  };
  const keepMine = () => {
    saveDraft(getValues(), keepPsk, nav.step);
    conflict.resolve();
  };

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
    saveLanguage(lang);
  }, [lang, t]);

  const onPlan = (plan: Plan, notice: Message) => {
    reset(plan);
    share.setLinkError(null);
    say(notice);
    setPreset(null);
  };

  // Which preset the form holds (compared without the key), so the header never names another.
  const [preset, setPreset] = useState<{ id: string; label: Bilingual; identity: string } | null>(null);
  const identity = useMemo(() => planIdentity(JSON.parse(json)), [json]);
  const loadedPreset = preset ? { id: preset.id, label: preset.label, edited: preset.identity !== identity } : null;
  const onPreset = (plan: Plan, chosen: { id: string; label: Bilingual }, notice: Message) => {
    onPlan(plan, notice);
    setPreset({ ...chosen, identity: planIdentity(plan) });
  };

  const onReset = () => {
    const plan = freshDefaults();
    reset(plan);
    clearDraft();
    setKeepPsk(false);
    share.restart(plan);
    say(message('reset.done'));
    setPreset(null);
    nav.goTo('router');
  };

  const actions = bundleActions(getValues, flash, (retry) =>
    setNotice({
      message: message('update.loadFailed'),
      actions: [
        { label: 'update.retry', run: retry },
        { label: 'update.reload', run: () => window.location.reload() },
      ],
    }),
  );

  return (
    <I18nContext.Provider value={i18n}>
      <a className="skip" href="#step-title">
        {t('app.skip')}
      </a>
      <Header
        getValues={getValues}
        onPlan={onPlan}
        onNotice={say}
        onReset={onReset}
        loadedPreset={loadedPreset}
        onPreset={onPreset}
        onLanguage={setLang}
        flash={flash}
      />
      <Banners linkError={share.linkError} onCloseLinkError={() => share.setLinkError(null)} notice={notice} onCloseNotice={() => setNotice(null)} />
      <DraftBanners
        hasPrevious={previous !== undefined}
        onRestorePrevious={restorePrevious}
        onDropPrevious={dropPrevious}
        conflict={conflict.active}
        onTakeOther={takeOther}
        onKeepMine={keepMine}
      />
      <LiveContext.Provider value={live}>
        <FindingsContext.Provider value={live.findings}>
          <main className="layout">
            <FormProvider {...form}>
              <form className="wizard" noValidate onSubmit={(event) => event.preventDefault()} aria-labelledby="step-title">
                <StepList nav={nav} />
                <StepBody
                  nav={nav}
                  keepPsk={keepPsk}
                  onKeepPsk={onKeepPsk}
                  onDownload={() => void actions.download()}
                  onCopyHeredoc={() => void actions.copyHeredoc()}
                  onCopyLink={() => void actions.copyLink(share.shareUrl)}
                  includePskInLink={share.includePskInLink}
                  onIncludePskInLink={share.setIncludePskInLink}
                  shareUrl={share.shareUrl}
                />
                <StepFooter nav={nav} onNext={() => void nav.next(getValues(), (n) => t('nav.blocked', { n }))} />
              </form>
            </FormProvider>
            <PreviewPane bundle={bundle} onJump={(path) => nav.goTo(stepOf(path), path)} />
          </main>
        </FindingsContext.Provider>
      </LiveContext.Provider>
      <p className="sr-status" role="status" aria-live="polite">
        {status ? renderMessage(i18n, status) : ''}
      </p>
      {status ? (
        <p className="toast" aria-hidden="true">
          {renderMessage(i18n, status)}
        </p>
      ) : null}
      <footer className="foot">
        <p>{t('app.privacy')}</p>
      </footer>
    </I18nContext.Provider>
  );
}
