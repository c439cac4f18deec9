import { Suspense, type ReactNode } from 'react';
import { STEP_IDS, type StepId } from '../form/planForm';
import { useI18n } from '../i18n';
import { RouterStep } from '../steps/router/RouterStep';
import { LAZY } from './lazyParts';
import { LoadBoundary } from './LoadBoundary';
import { STEP_LEAD, STEP_TITLE } from './stepText';
import type { StepNavigation } from './useStepNavigation';

const { Component: WanStep } = LAZY.wan;
const { Component: LanStep } = LAZY.lan;
const { Component: VpsStep } = LAZY.vps;
const { Component: TunnelStep } = LAZY.tunnel;
const { Component: ReviewStep } = LAZY.review;

/** What the steps need from the page beyond the form itself. */
export interface StepProps {
  readonly keepPsk: boolean;
  readonly onKeepPsk: (keep: boolean) => void;
  readonly onDownload: () => void;
  readonly onCopyHeredoc: () => void;
  readonly onCopyLink: () => void;
  readonly includePskInLink: boolean;
  readonly onIncludePskInLink: (include: boolean) => void;
  readonly shareUrl: string;
}

function body(step: StepId, props: StepProps): ReactNode {
  switch (step) {
    case 'router':
      return <RouterStep />;
    case 'wan':
      return <WanStep />;
    case 'lan':
      return <LanStep />;
    case 'vps':
      return <VpsStep />;
    case 'tunnel':
      return <TunnelStep keepPsk={props.keepPsk} onKeepPsk={props.onKeepPsk} />;
    case 'review':
      return (
        <ReviewStep
          onDownload={props.onDownload}
          onCopyHeredoc={props.onCopyHeredoc}
          onCopyLink={props.onCopyLink}
          includePskInLink={props.includePskInLink}
          onIncludePskInLink={props.onIncludePskInLink}
          shareUrl={props.shareUrl}
        />
      );
  }
}

/** The current step: its heading (focused on every move), its lead and its fields. */
export function StepBody({ nav, ...props }: StepProps & { readonly nav: StepNavigation }) {
  const { t } = useI18n();
  const { step, stepIndex, heading } = nav;
  return (
    <section className="step" aria-describedby="step-lead">
      <h2 id="step-title" tabIndex={-1} ref={heading}>
        <span className="step-num">{t('steps.of', { n: stepIndex + 1, total: STEP_IDS.length })}</span>
        {t(STEP_TITLE[step])}
      </h2>
      <p className="lead" id="step-lead">
        {t(STEP_LEAD[step])}
      </p>
      <LoadBoundary key={step}>
        <Suspense fallback={<p className="hint">…</p>}>{body(step, props)}</Suspense>
      </LoadBoundary>
    </section>
  );
}
