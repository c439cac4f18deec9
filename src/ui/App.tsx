import { Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { flushSync } from 'react-dom';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import type { GeneratedFile, Language, Plan } from '../core/index';
import { randomPsk } from '../core/crypto/randomPsk';
import type { ShareFailure } from '../core/share/shareLink';
import { downloadZip, savePlanFile } from './download/actions';
import { freshDefaults } from './form/defaults';
import { FindingsContext } from './form/findingsContext';
import { LiveContext, type Live } from './form/live';
import { errorsOfStep, fieldId, formValuesFrom, planResolver, STEP_IDS, stepOf, type StepId } from './form/planForm';
import { detectLanguage, I18nContext, loadDictionary, translator, type I18n, type MessageKey } from './i18n';
import { clearDraft, loadDraft, loadLanguage, saveDraft, saveLanguage } from './persistence/draft';
import { PRESETS } from './presets/presets';
import { RouterStep } from './steps/router/RouterStep';
import { lazyComponent } from './lazyComponent';
import { loadEngine, useEngine } from './useEngine';
import { BootPreview } from './boot/BootPreview';
import { bootFilesFor } from './boot/bootBundle';
import { onFirstInteraction } from './boot/firstInteraction';

// Everything not needed for the first step loads after the first paint (initial-JS budget).
const LAZY = {
  wan: lazyComponent(() => import('./steps/wan/WanStep').then((module) => module.WanStep)),
  lan: lazyComponent(() => import('./steps/lan/LanStep').then((module) => module.LanStep)),
  vps: lazyComponent(() => import('./steps/vps/VpsStep').then((module) => module.VpsStep)),
  tunnel: lazyComponent(() => import('./steps/tunnel/TunnelStep').then((module) => module.TunnelStep)),
  review: lazyComponent(() => import('./steps/review/ReviewStep').then((module) => module.ReviewStep)),
  preview: lazyComponent(() => import('./preview/Preview').then((module) => module.Preview)),
};
const { Component: WanStep } = LAZY.wan;
const { Component: LanStep } = LAZY.lan;
const { Component: VpsStep } = LAZY.vps;
const { Component: TunnelStep } = LAZY.tunnel;
const { Component: ReviewStep } = LAZY.review;
const { Component: Preview } = LAZY.preview;

export function initialLanguage(): Language {
  return loadLanguage() ?? detectLanguage(navigator.languages ?? [navigator.language]);
}

const STEP_TITLE: Readonly<Record<StepId, MessageKey>> = {
  router: 'step.router',
  wan: 'step.wan',
  lan: 'step.lan',
  vps: 'step.vps',
  tunnel: 'step.tunnel',
  review: 'step.review',
};

const STEP_LEAD: Readonly<Record<StepId, MessageKey>> = {
  router: 'step.router.lead',
  wan: 'step.wan.lead',
  lan: 'step.lan.lead',
  vps: 'step.vps.lead',
  tunnel: 'step.tunnel.lead',
  review: 'step.review.lead',
};

const LINK_ERROR: Readonly<Record<Exclude<ShareFailure, 'empty'>, MessageKey>> = {
  foreign: 'link.foreign',
  'too-large': 'link.tooLarge',
  corrupt: 'link.corrupt',
  invalid: 'link.invalid',
};

const loadShare = () => import('../core/share/shareLink');

interface Start {
  readonly values: Plan;
  readonly keepPsk: boolean;
  readonly step: StepId;
  /** A share link is in the address bar: decoded after the first paint. */
  readonly hash: string;
}

function initialState(): Start {
  const draft = loadDraft();
  const hash = window.location.hash;
  if (hash.length > 1) return { values: freshDefaults(), keepPsk: draft?.keepPsk ?? false, step: 'router', hash };
  if (draft) return { values: formValuesFrom(draft.values), keepPsk: draft.keepPsk, step: draft.step, hash: '' };
  // A first visit: start from the defaults with a fresh random key, so the preview shows files at once.
  const values = freshDefaults();
  values.peers[0]!.tunnel.psk = randomPsk();
  return { values, keepPsk: false, step: 'router', hash: '' };
}

function focusPath(path: string): boolean {
  const segments = path.split('.');
  for (let length = segments.length; length > 0; length--) {
    const element = document.getElementById(fieldId(segments.slice(0, length).join('.')));
    if (element) {
      element.focus();
      element.scrollIntoView?.({ block: 'center' });
      return true;
    }
  }
  return false;
}

export function App({ language }: { readonly language: Language }) {
  const [start] = useState(initialState);
  const [lang, setLanguage] = useState<Language>(language);
  const setLang = (next: Language) => void loadDictionary(next).then(() => setLanguage(next));
  const i18n = useMemo<I18n>(() => ({ lang, t: translator(lang), pick: (text) => text[lang] }), [lang]);
  const { t, pick } = i18n;

  const form = useForm<Plan>({ defaultValues: start.values, resolver: planResolver, mode: 'onChange' });
  const { control, reset, getValues } = form;
  const watched = useWatch({ control });
  const json = JSON.stringify(watched);
  const deferredJson = useDeferredValue(json);

  const engine = useEngine();
  // A first visit on the default plan starts from the build-time bundle; anything else needs the core now.
  const [boot] = useState(() => bootFilesFor(JSON.stringify(start.values), start.values.peers[0]!.tunnel.psk));
  useEffect(() => (boot ? onFirstInteraction(() => void loadEngine()) : (void loadEngine(), undefined)), [boot]);
  const live = useMemo<Live>(() => {
    const values = JSON.parse(deferredJson) as Plan;
    if (!engine) return boot ? { values, findings: boot.findings, files: boot.files } : { values, findings: [], files: [] };
    const bundle = engine.generate(values);
    return { values, plan: bundle.plan, findings: bundle.findings, files: bundle.files };
  }, [deferredJson, engine, boot]);
  const [lastGood, setLastGood] = useState<readonly GeneratedFile[]>(live.files);
  if (live.files.length > 0 && live.files !== lastGood) setLastGood(live.files);

  const [step, setStep] = useState<StepId>(start.step);
  const [keepPsk, setKeepPsk] = useState(start.keepPsk);
  const [includePskInLink, setIncludePskInLink] = useState(false);
  const [blocked, setBlocked] = useState('');
  const [linkError, setLinkError] = useState<{ reason: Exclude<ShareFailure, 'empty'>; detail?: string } | null>(null);
  const [notice, setNotice] = useState('');
  const [status, setStatus] = useState('');
  const [confirmReset, setConfirmReset] = useState(false);
  const [preset, setPreset] = useState(PRESETS[0]?.id ?? '');
  const [shareUrl, setShareUrl] = useState(() => window.location.href);
  const heading = useRef<HTMLHeadingElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const cancelReset = useRef<HTMLButtonElement>(null);
  const initialPlan = useRef<Plan>(start.values);
  const startJson = useRef(json);

  useEffect(() => {
    if (!engine) return;
    for (const { preload } of Object.values(LAZY)) void preload();
  }, [engine]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
    saveLanguage(lang);
  }, [lang, t]);

  const flash = useCallback((message: string) => {
    setStatus(message);
    window.setTimeout(() => setStatus((current) => (current === message ? '' : current)), 4000);
  }, []);

  /** Puts a plan into the form. `keepCurrentPsk` for links without a key (history moves). */
  const applyPlan = useCallback(
    (plan: Plan, keepCurrentPsk: boolean) => {
      const next = structuredClone(plan);
      if (keepCurrentPsk && !next.peers[0]!.tunnel.psk) next.peers[0]!.tunnel.psk = getValues('peers.0.tunnel.psk') ?? '';
      reset(next);
    },
    [getValues, reset],
  );

  // A share link in the address bar when the page opens: decode it (the codec loads on demand).
  useEffect(() => {
    if (!start.hash) return;
    let cancelled = false;
    void Promise.all([loadShare(), loadEngine()]).then(([{ decodeShareLink, encodeShareLink }, { parsePlan }]) => {
      if (cancelled) return;
      const result = decodeShareLink(start.hash);
      if (!result.ok) {
        if (result.reason !== 'empty') setLinkError({ reason: result.reason, detail: result.findings?.[0]?.path });
        return;
      }
      const plan = structuredClone(result.plan);
      // The same plan as the saved draft (whose key the user chose to keep): keep that key.
      const draft = loadDraft();
      if (!result.hasPsk && draft?.keepPsk) {
        const parsed = parsePlan(draft.values);
        if (parsed.ok && encodeShareLink(parsed.plan) === encodeShareLink(plan)) plan.peers[0]!.tunnel.psk = parsed.plan.peers[0]!.tunnel.psk;
      }
      initialPlan.current = plan;
      reset(plan);
    });
    return () => {
      cancelled = true;
    };
  }, [start.hash, reset]);

  // Autosave (not on the untouched first render).
  useEffect(() => {
    if (json === startJson.current) return;
    const timer = window.setTimeout(() => saveDraft(JSON.parse(json) as Plan, keepPsk, step), 300);
    return () => window.clearTimeout(timer);
  }, [json, keepPsk, step]);

  // The plan in the address bar: pushState on meaningful (valid, changed) states, debounced.
  const plan = live.plan;
  useEffect(() => {
    if (!plan) return;
    const timer = window.setTimeout(() => {
      void loadShare().then(({ encodeShareLink }) => {
        const hash = encodeShareLink(plan, { includePsk: includePskInLink });
        if (hash !== window.location.hash) {
          if (window.location.hash.length > 1 || json !== startJson.current) window.history.pushState(null, '', hash);
          else window.history.replaceState(null, '', hash);
        }
        setShareUrl(window.location.href);
      });
    }, 500);
    return () => window.clearTimeout(timer);
  }, [plan, includePskInLink, json]);

  // Back/forward: restore the state of that entry.
  useEffect(() => {
    const onPop = () => {
      const hash = window.location.hash;
      setShareUrl(window.location.href);
      if (hash.length <= 1) {
        applyPlan(initialPlan.current, true);
        return;
      }
      void loadShare().then(({ decodeShareLink }) => {
        const result = decodeShareLink(hash);
        if (result.ok) {
          setLinkError(null);
          applyPlan(result.plan, !result.hasPsk);
        } else if (result.reason !== 'empty') setLinkError({ reason: result.reason, detail: result.findings?.[0]?.path });
      });
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [applyPlan]);

  const stepIndex = STEP_IDS.indexOf(step);
  const stepErrors = useMemo(
    () => Object.fromEntries(STEP_IDS.map((id) => [id, errorsOfStep(live.findings, id).length])) as Record<StepId, number>,
    [live.findings],
  );
  const reachable = (index: number) => STEP_IDS.slice(0, index).every((id) => stepErrors[id] === 0);

  const goTo = (next: StepId, focus?: string) => {
    flushSync(() => {
      setStep(next);
      setBlocked('');
    });
    if (!(focus && focusPath(focus))) heading.current?.focus();
  };

  const onNext = async () => {
    const { generate } = await loadEngine();
    const errors = errorsOfStep(generate(getValues()).findings, step);
    if (errors.length > 0) {
      setBlocked(t('nav.blocked', { n: errors.length }));
      focusPath(errors[0]!.path);
      return;
    }
    const next = STEP_IDS[stepIndex + 1];
    if (next) goTo(next);
  };

  const onJump = (path: string) => goTo(stepOf(path), path);

  const onPreset = async () => {
    const chosen = PRESETS.find((candidate) => candidate.id === preset);
    if (!chosen) return;
    const [{ parsePlan }, value] = await Promise.all([loadEngine(), chosen.load()]);
    const parsed = parsePlan(value);
    if (!parsed.ok) {
      setNotice(t('preset.invalid'));
      return;
    }
    const plan = structuredClone(parsed.plan);
    plan.peers[0]!.tunnel.psk = '';
    reset(plan);
    setLinkError(null);
    setNotice(t('preset.applied', { name: pick(chosen.label) }));
  };

  const onSave = async () => {
    const { parsePlan } = await loadEngine();
    const parsed = parsePlan(getValues());
    void savePlanFile(parsed.ok ? parsed.plan : getValues());
    flash(t('file.saved'));
  };

  const onLoadFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    let value: unknown;
    try {
      value = JSON.parse(await file.text());
    } catch {
      setNotice(t('file.notJson', { name: file.name }));
      return;
    }
    const { parsePlan } = await loadEngine();
    const parsed = parsePlan(value);
    if (!parsed.ok) {
      const first = parsed.findings[0];
      setNotice(t('file.invalid', { name: file.name, detail: first ? `${first.path}: ${pick(first.message)}` : '' }));
      return;
    }
    reset(parsed.plan);
    setLinkError(null);
    setNotice(t('file.loaded', { name: file.name }));
  };

  const onReset = () => {
    const plan = freshDefaults();
    initialPlan.current = plan;
    reset(plan);
    clearDraft();
    setKeepPsk(false);
    setIncludePskInLink(false);
    setConfirmReset(false);
    setLinkError(null);
    window.history.pushState(null, '', window.location.pathname + window.location.search);
    setNotice(t('reset.done'));
    goTo('router');
  };

  const currentBundle = async () => {
    const { generate } = await loadEngine();
    const bundle = generate(getValues());
    return bundle.plan && bundle.files.length > 0 ? { name: bundle.plan.peers[0]!.name, files: bundle.files } : undefined;
  };

  const onDownload = async () => {
    const bundle = await currentBundle();
    if (!bundle) return;
    await downloadZip(bundle.name, bundle.files);
    flash(t('review.downloaded', { name: `${bundle.name}.zip` }));
  };

  const copyText = async (text: string, done: string) => {
    try {
      await navigator.clipboard.writeText(text);
      flash(done);
    } catch {
      flash(t('preview.copyFailed'));
    }
  };

  const onCopyHeredoc = async () => {
    const [bundle, { vpsHeredocScript }] = await Promise.all([currentBundle(), import('./download/heredoc')]);
    if (bundle) await copyText(vpsHeredocScript(bundle.files, bundle.name), t('review.heredocCopied'));
  };

  const onCopyLink = () => void copyText(shareUrl, t('share.copied'));

  const stepBody = {
    router: <RouterStep />,
    wan: <WanStep />,
    lan: <LanStep />,
    vps: <VpsStep />,
    tunnel: <TunnelStep keepPsk={keepPsk} onKeepPsk={setKeepPsk} />,
    review: (
      <ReviewStep
        onDownload={() => void onDownload()}
        onCopyHeredoc={() => void onCopyHeredoc()}
        onCopyLink={onCopyLink}
        includePskInLink={includePskInLink}
        onIncludePskInLink={setIncludePskInLink}
        shareUrl={shareUrl}
      />
    ),
  }[step];

  const currentErrors = stepErrors[step];
  const stale = live.files.length === 0;

  return (
    <I18nContext.Provider value={i18n}>
      <a className="skip" href="#step-title">
        {t('app.skip')}
      </a>
      <header className="top">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <p>{t('app.tagline')}</p>
        </div>
        <div className="toolbar">
          <div className="tool-group">
            <label htmlFor="preset">{t('preset.label')}</label>
            <select id="preset" value={preset} onChange={(event) => setPreset(event.target.value)}>
              {PRESETS.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {pick(candidate.label)}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => void onPreset()}>
              {t('preset.apply')}
            </button>
          </div>
          <div className="tool-group">
            <button type="button" onClick={() => void onSave()}>
              {t('file.save')}
            </button>
            <button type="button" onClick={() => fileInput.current?.click()}>
              {t('file.load')}
            </button>
            <input
              ref={fileInput}
              id="load-file"
              type="file"
              accept=".json,application/json"
              className="visually-hidden"
              tabIndex={-1}
              aria-label={t('file.load')}
              onChange={(event) => void onLoadFile(event)}
            />
            {confirmReset ? (
              <span className="confirm" role="group" aria-label={t('reset.confirm')}>
                <span>{t('reset.confirm')}</span>
                <button type="button" className="danger" onClick={onReset}>
                  {t('reset.yes')}
                </button>
                <button type="button" ref={cancelReset} onClick={() => setConfirmReset(false)}>
                  {t('reset.no')}
                </button>
              </span>
            ) : (
              <button
                type="button"
                onClick={() => {
                  flushSync(() => setConfirmReset(true));
                  cancelReset.current?.focus();
                }}
              >
                {t('reset.button')}
              </button>
            )}
          </div>
          <div className="tool-group lang" role="group" aria-label={t('lang.label')}>
            <button type="button" lang="ja" aria-pressed={lang === 'ja'} onClick={() => setLang('ja')}>
              日本語
            </button>
            <button type="button" lang="en" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>
              English
            </button>
          </div>
        </div>
      </header>
      {linkError ? (
        <div className="banner error" role="alert">
          <p>
            <b>{t('link.title')}</b> {t(LINK_ERROR[linkError.reason])}
            {linkError.detail ? <code className="path"> {linkError.detail}</code> : null}
          </p>
          <button type="button" onClick={() => setLinkError(null)}>
            {t('common.close')}
          </button>
        </div>
      ) : null}
      {notice ? (
        <div className="banner info" role="status">
          <p>{notice}</p>
          <button type="button" onClick={() => setNotice('')}>
            {t('common.close')}
          </button>
        </div>
      ) : null}
      <LiveContext.Provider value={live}>
        <FindingsContext.Provider value={live.findings}>
          <main className="layout">
            <FormProvider {...form}>
              <form className="wizard" noValidate onSubmit={(event) => event.preventDefault()} aria-labelledby="step-title">
                <nav aria-label={t('steps.label')} className="steps">
                  <ol>
                    {STEP_IDS.map((id, index) => (
                      <li key={id}>
                        <button
                          type="button"
                          aria-current={id === step ? 'step' : undefined}
                          disabled={id !== step && !reachable(index)}
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
                <section className="step" aria-describedby="step-lead">
                  <h2 id="step-title" tabIndex={-1} ref={heading}>
                    <span className="step-num">{t('steps.of', { n: stepIndex + 1, total: STEP_IDS.length })}</span>
                    {t(STEP_TITLE[step])}
                  </h2>
                  <p className="lead" id="step-lead">
                    {t(STEP_LEAD[step])}
                  </p>
                  <Suspense fallback={<p className="hint">…</p>}>{stepBody}</Suspense>
                </section>
                <div className="nav">
                  <button type="button" onClick={() => goTo(STEP_IDS[stepIndex - 1]!)} disabled={stepIndex === 0}>
                    {t('nav.back')}
                  </button>
                  <p className="blocked" aria-live="assertive">
                    {blocked && currentErrors > 0 ? blocked : ''}
                  </p>
                  {step !== 'review' ? (
                    <button type="button" className="primary" onClick={() => void onNext()} aria-disabled={currentErrors > 0}>
                      {t('nav.next')}
                    </button>
                  ) : null}
                </div>
              </form>
            </FormProvider>
            <aside className="side" aria-label={t('preview.title')}>
              {engine ? (
                <Suspense fallback={boot ? <BootPreview files={boot.files} findings={boot.findings} /> : <p className="empty">…</p>}>
                  <Preview files={stale ? lastGood : live.files} findings={live.findings} stale={stale && live.findings.length > 0} onJump={onJump} />
                </Suspense>
              ) : boot ? (
                <BootPreview files={boot.files} findings={boot.findings} />
              ) : (
                <p className="empty preview">…</p>
              )}
            </aside>
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
