import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useI18n } from '../i18n';

/** Reset, asking first (focus moves to "cancel", the safe answer). */
export function ResetButton({ onReset }: { readonly onReset: () => void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  if (!confirming)
    return (
      <button
        type="button"
        onClick={() => {
          flushSync(() => setConfirming(true));
          cancel.current?.focus();
        }}
      >
        {t('reset.button')}
      </button>
    );
  return (
    <span className="confirm" role="group" aria-label={t('reset.confirm')}>
      <span>{t('reset.confirm')}</span>
      <button
        type="button"
        className="danger"
        onClick={() => {
          setConfirming(false);
          onReset();
        }}
      >
        {t('reset.yes')}
      </button>
      <button type="button" ref={cancel} onClick={() => setConfirming(false)}>
        {t('reset.no')}
      </button>
    </span>
  );
}
