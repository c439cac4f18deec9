import { useCallback, useState } from 'react';

/** A short status message (toast + polite live region) that clears itself. */
export function useStatus(): { readonly status: string; readonly flash: (message: string) => void } {
  const [status, setStatus] = useState('');
  const flash = useCallback((message: string) => {
    setStatus(message);
    window.setTimeout(() => setStatus((current) => (current === message ? '' : current)), 4000);
  }, []);
  return { status, flash };
}
