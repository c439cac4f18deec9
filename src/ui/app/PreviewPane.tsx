import { Suspense } from 'react';
import { BootPreview } from '../boot/BootPreview';
import { useI18n } from '../i18n';
import { LAZY } from './lazyParts';
import { LoadBoundary } from './LoadBoundary';
import type { LiveBundle } from './useLiveBundle';

const { Component: Preview } = LAZY.preview;

/** The build-time preview until the generator is in, then the full preview (last good files while stale). */
export function PreviewPane({ bundle, onJump }: { readonly bundle: LiveBundle; readonly onJump: (path: string) => void }) {
  const { t } = useI18n();
  const { live, engine, boot, lastGood } = bundle;
  const stale = live.files.length === 0;
  return (
    <aside className="side" aria-label={t('preview.title')}>
      {engine ? (
        <LoadBoundary>
          <Suspense fallback={boot ? <BootPreview files={boot.files} findings={boot.findings} /> : <p className="empty">…</p>}>
            <Preview files={stale ? lastGood : live.files} findings={live.findings} stale={stale && live.findings.length > 0} onJump={onJump} />
          </Suspense>
        </LoadBoundary>
      ) : boot ? (
        <BootPreview files={boot.files} findings={boot.findings} />
      ) : (
        <p className="empty preview">…</p>
      )}
    </aside>
  );
}
