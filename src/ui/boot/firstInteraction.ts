/** Runs `callback` once, on the visitor's first pointer, key, touch or edit on the page. */
export function onFirstInteraction(callback: () => void): () => void {
  const events = ['pointerdown', 'keydown', 'touchstart', 'input', 'change', 'focusin'] as const;
  const handler = (event: Event) => {
    // The page moves focus to the step heading by itself; only focus on a control is the visitor's.
    if (
      event.type === 'focusin' &&
      !(
        event.target instanceof HTMLInputElement ||
        event.target instanceof HTMLSelectElement ||
        event.target instanceof HTMLTextAreaElement ||
        event.target instanceof HTMLButtonElement
      )
    )
      return;
    stop();
    callback();
  };
  const stop = () => {
    for (const type of events) window.removeEventListener(type, handler, true);
  };
  for (const type of events) window.addEventListener(type, handler, { capture: true, passive: true });
  return stop;
}
