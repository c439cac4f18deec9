import type { UseFormReturn } from 'react-hook-form';
import type { Plan } from '../../core/index';
import { downloadZip } from '../download/actions';
import type { Translate } from '../i18n';
import { loadEngine } from '../useEngine';

/** Download, copy as heredoc and copy link: each regenerates from the form's values at that moment. */
export function bundleActions(getValues: UseFormReturn<Plan>['getValues'], flash: (message: string) => void, t: Translate) {
  const currentBundle = async () => {
    const { generate } = await loadEngine();
    const bundle = generate(getValues());
    return bundle.plan && bundle.files.length > 0 ? { name: bundle.plan.peers[0]!.name, files: bundle.files } : undefined;
  };

  const copyText = async (text: string, done: string) => {
    try {
      await navigator.clipboard.writeText(text);
      flash(done);
    } catch {
      flash(t('preview.copyFailed'));
    }
  };

  const download = async () => {
    const bundle = await currentBundle();
    if (!bundle) return;
    await downloadZip(bundle.name, bundle.files);
    flash(t('review.downloaded', { name: `${bundle.name}.zip` }));
  };

  const copyHeredoc = async () => {
    const [bundle, { vpsHeredocScript }] = await Promise.all([currentBundle(), import('../download/heredoc')]);
    if (bundle) await copyText(vpsHeredocScript(bundle.files, bundle.name), t('review.heredocCopied'));
  };

  const copyLink = (url: string) => copyText(url, t('share.copied'));

  return { download, copyHeredoc, copyLink };
}
