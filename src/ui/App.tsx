import { useEffect, useMemo, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import type { Language, Plan } from '../core/index';
import { Banners } from './app/Banners';
import { bundleActions } from './app/bundleActions';
import { Header } from './app/Header';
import { initialState } from './app/initialState';
import { PreviewPane } from './app/PreviewPane';
import { StepBody } from './app/StepBody';
import { StepFooter } from './app/StepFooter';
import { StepList } from './app/StepList';
import { useAutosave } from './app/useAutosave';
import { useLiveBundle } from './app/useLiveBundle';
import { useShareLinkSync } from './app/useShareLinkSync';
import { useStatus } from './app/useStatus';
import { useStepNavigation } from './app/useStepNavigation';
import { freshDefaults } from './form/defaults';
import { FindingsContext } from './form/findingsContext';
import { LiveContext } from './form/live';
import { planResolver, stepOf } from './form/planForm';
import { I18nContext, loadDictionary, translator, type I18n } from './i18n';
import { clearDraft, saveLanguage } from './persistence/draft';

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
  const [notice, setNotice] = useState('');
  const { status, flash } = useStatus();
  const nav = useStepNavigation(start.step, live.findings);
  const share = useShareLinkSync({ startHash: start.hash, startValues: start.values, plan: live.plan, json, startJson, form });
  useAutosave(json, startJson, keepPsk, nav.step);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
    saveLanguage(lang);
  }, [lang, t]);

  const onPlan = (plan: Plan, message: string) => {
    reset(plan);
    share.setLinkError(null);
    setNotice(message);
  };

  const onReset = () => {
    const plan = freshDefaults();
    reset(plan);
    clearDraft();
    setKeepPsk(false);
    share.restart(plan);
    setNotice(t('reset.done'));
    nav.goTo('router');
  };

  const actions = bundleActions(getValues, flash, t);

  return (
    <I18nContext.Provider value={i18n}>
      <a className="skip" href="#step-title">
        {t('app.skip')}
      </a>
      <Header getValues={getValues} onPlan={onPlan} onNotice={setNotice} onReset={onReset} onLanguage={setLang} flash={flash} />
      <Banners linkError={share.linkError} onCloseLinkError={() => share.setLinkError(null)} notice={notice} onCloseNotice={() => setNotice('')} />
      <LiveContext.Provider value={live}>
        <FindingsContext.Provider value={live.findings}>
          <main className="layout">
            <FormProvider {...form}>
              <form className="wizard" noValidate onSubmit={(event) => event.preventDefault()} aria-labelledby="step-title">
                <StepList nav={nav} />
                <StepBody
                  nav={nav}
                  keepPsk={keepPsk}
                  onKeepPsk={setKeepPsk}
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
        {status}
      </p>
      {status ? (
        <p className="toast" aria-hidden="true">
          {status}
        </p>
      ) : null}
      <footer className="foot">
        <p>{t('app.privacy')}</p>
      </footer>
    </I18nContext.Provider>
  );
}
