import { fieldId } from '../form/planForm';

/** Focuses the control of a plan path, or of its nearest ancestor that has one. */
export function focusPath(path: string): boolean {
  const segments = path.split('.');
  for (let length = segments.length; length > 0; length--) {
    const element = document.getElementById(fieldId(segments.slice(0, length).join('.')));
    if (element) {
      element.focus();
      element.scrollIntoView?.({ block: 'center' });
      return true;
    }
  }
  return false;
}
