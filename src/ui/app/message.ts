import type { Bilingual } from '../../core/index';
import type { I18n, MessageKey } from '../i18n';

/**
 * A message kept as its key and values (a value may be a core text in both languages), and
 * rendered when shown: a notice or toast follows a language switch made while it is on screen.
 */
export interface Message {
  readonly key: MessageKey;
  readonly values?: Readonly<Record<string, string | number | Bilingual>>;
}

export const message = (key: MessageKey, values?: Message['values']): Message => ({ key, values });

export function renderMessage({ t, pick }: Pick<I18n, 't' | 'pick'>, { key, values }: Message): string {
  if (!values) return t(key);
  const plain = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === 'object' ? pick(value) : value]));
  return t(key, plain);
}

/** A notice banner: a message and, optionally, what the user can do about it. */
export interface Notice {
  readonly message: Message;
  readonly actions?: readonly { readonly label: MessageKey; readonly run: () => void }[];
}
