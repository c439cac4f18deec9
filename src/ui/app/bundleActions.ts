import type { UseFormReturn } from 'react-hook-form';
import type { Plan } from '../../core/index';
import { downloadZip } from '../download/actions';
import type { MessageKey } from '../i18n';
import { loadEngine } from '../useEngine';
import type { Flash } from './useStatus';

/** Download, copy as heredoc and copy link: each regenerates from the form's values at that moment. */
/**
 * `onFailure` gets a retry: a part of the page that loads on demand may fail to arrive (offline, or a
 * newer version was deployed and the old chunk is gone); the user must hear of it and can try again.
 */
export function bundleActions(getValues: UseFormReturn<Plan>['getValues'], flash: Flash, onFailure: (retry: () => void) => void) {
  const guarded = (action: () => Promise<void>) => async (): Promise<void> => {
    try {
      await action();
    } catch {
      onFailure(() => void guarded(action)());
    }
  };

  const currentBundle = async () => {
    const { generate } = await loadEngine();
    const bundle = generate(getValues());
    return bundle.plan && bundle.files.length > 0 ? { name: bundle.plan.peers[0]!.name, files: bundle.files } : undefined;
  };

  const copyText = async (text: string, done: MessageKey) => {
    try {
      await navigator.clipboard.writeText(text);
      flash(done);
    } catch {
      flash('preview.copyFailed');
    }
  };

  const download = guarded(async () => {
    const bundle = await currentBundle();
    if (!bundle) return;
    await downloadZip(bundle.name, bundle.files);
    flash('review.downloaded', { name: `${bundle.name}.zip` });
  });

  const copyHeredoc = guarded(async () => {
    const [bundle, { vpsHeredocScript }] = await Promise.all([currentBundle(), import('../download/heredoc')]);
    if (bundle) await copyText(vpsHeredocScript(bundle.files, bundle.name), 'review.heredocCopied');
  });

  const copyLink = (url: string) => copyText(url, 'share.copied');

  return { download, copyHeredoc, copyLink };
}
