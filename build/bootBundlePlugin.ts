import type { Plugin } from 'vite';
import { generate } from '../src/core/generate';
import { BOOT_BUNDLE_ID, BOOT_PSK, type BootBundle } from '../src/ui/boot/bootBundle';
import { defaultPlan } from '../src/core/plan/parsePlan';

/**
 * Build-only: the default plan's bundle, generated once, embedded in index.html as a JSON data block
 * (not a script: the CSP does not run it and it is not JavaScript to load). See src/ui/boot/bootBundle.ts.
 */
export function bootBundlePlugin(): Plugin {
  return {
    name: 'rtx-boot-bundle',
    apply: 'build',
    transformIndexHtml() {
      const plan = defaultPlan();
      plan.peers[0]!.tunnel.psk = BOOT_PSK;
      const bundle = generate(plan);
      if (bundle.files.length === 0) throw new Error('the default plan does not generate');
      const boot: BootBundle = { plan: JSON.stringify(plan), files: bundle.files, findings: bundle.findings };
      // `<` escaped so that no file content can close the element.
      const json = JSON.stringify(boot).replace(/</g, '\\u003c');
      return [{ tag: 'script', attrs: { type: 'application/json', id: BOOT_BUNDLE_ID }, children: json, injectTo: 'body' }];
    },
  };
}
