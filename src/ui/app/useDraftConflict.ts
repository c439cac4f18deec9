import { useEffect, useState } from 'react';
import { DRAFT_KEY } from '../persistence/draft';

/** Whether another tab has saved its draft since this tab last settled the question. */
export function useDraftConflict(): { readonly active: boolean; readonly resolve: () => void } {
  const [active, setActive] = useState(false);
  useEffect(() => {
    // The storage event fires only in the other tabs of the origin, never in the one that wrote.
    const onStorage = (event: StorageEvent) => {
      if (event.key === DRAFT_KEY && event.newValue !== null) setActive(true);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  return { active, resolve: () => setActive(false) };
}
