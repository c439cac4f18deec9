import type { Plugin } from 'vite';
import { generate } from '../src/core/generate';
import { BOOT_BUNDLE_ID, BOOT_PSK, type BootBundle } from '../src/ui/boot/bootBundle';
import { defaultPlan } from '../src/core/plan/parsePlan';
import { dictionaryBlockId } from '../src/ui/boot/inlineDictionary';
import { en } from '../src/ui/i18n/en';
import { ja } from '../src/ui/i18n/ja';

/** JSON for a data block: `<` escaped so that no content can close the element. */
const dataBlock = (id: string, value: unknown) => ({
  tag: 'script',
  attrs: { type: 'application/json', id },
  children: JSON.stringify(value).replace(/</g, '\\u003c'),
  injectTo: 'body' as const,
});

/**
 * Build-only: the default plan's bundle, generated once, embedded in index.html as a JSON data block
 * (not a script: the CSP does not run it and it is not JavaScript to load). See src/ui/boot/bootBundle.ts.
 * Both UI dictionaries go in the same way, so that the first render waits for no chunk after the
 * main one (src/ui/boot/inlineDictionary.ts).
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
      return [dataBlock(dictionaryBlockId('ja'), ja), dataBlock(dictionaryBlockId('en'), en), dataBlock(BOOT_BUNDLE_ID, boot)];
    },
  };
}
