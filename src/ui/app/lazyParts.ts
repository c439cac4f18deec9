import { lazyComponent } from '../lazyComponent';

// Everything not needed for the first step loads after the first paint (initial-JS budget).
export const LAZY = {
  wan: lazyComponent(() => import('../steps/wan/WanStep').then((module) => module.WanStep)),
  lan: lazyComponent(() => import('../steps/lan/LanStep').then((module) => module.LanStep)),
  vps: lazyComponent(() => import('../steps/vps/VpsStep').then((module) => module.VpsStep)),
  tunnel: lazyComponent(() => import('../steps/tunnel/TunnelStep').then((module) => module.TunnelStep)),
  review: lazyComponent(() => import('../steps/review/ReviewStep').then((module) => module.ReviewStep)),
  preview: lazyComponent(() => import('../preview/Preview').then((module) => module.Preview)),
};

export const preloadLazyParts = (): void => {
  for (const { preload } of Object.values(LAZY)) void preload();
};
