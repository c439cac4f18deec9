import type { StepId } from '../form/planForm';
import type { MessageKey } from '../i18n';

export const STEP_TITLE: Readonly<Record<StepId, MessageKey>> = {
  router: 'step.router',
  wan: 'step.wan',
  lan: 'step.lan',
  vps: 'step.vps',
  tunnel: 'step.tunnel',
  review: 'step.review',
};

export const STEP_LEAD: Readonly<Record<StepId, MessageKey>> = {
  router: 'step.router.lead',
  wan: 'step.wan.lead',
  lan: 'step.lan.lead',
  vps: 'step.vps.lead',
  tunnel: 'step.tunnel.lead',
  review: 'step.review.lead',
};
