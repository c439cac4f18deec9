import { useCallback, useState } from 'react';
import type { MessageKey } from '../i18n';
import { message, type Message } from './message';

export type Flash = (key: MessageKey, values?: Message['values']) => void;

/** A short status message (toast + polite live region) that clears itself. */
export function useStatus(): { readonly status: Message | null; readonly flash: Flash } {
  const [status, setStatus] = useState<Message | null>(null);
  const flash = useCallback<Flash>((key, values) => {
    const next = message(key, values);
    setStatus(next);
    window.setTimeout(() => setStatus((current) => (current === next ? null : current)), 4000);
  }, []);
  return { status, flash };
}
