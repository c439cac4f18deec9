import { Component, type ReactNode } from 'react';
import { useI18n } from '../i18n';

function Failed() {
  const { t } = useI18n();
  return (
    <div className="banner error" role="alert">
      <p>{t('update.loadFailed')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('update.reload')}
      </button>
    </div>
  );
}

/**
 * Around a part that loads on demand: if its chunk cannot be fetched (offline, or a newer version
 * replaced the old files), say so and offer a reload instead of leaving an empty area.
 */
export class LoadBoundary extends Component<{ readonly children: ReactNode }, { readonly failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? <Failed /> : this.props.children;
  }
}
