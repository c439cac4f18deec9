import { useI18n, type MessageKey } from '../i18n';
import { renderMessage, type Notice } from './message';
import type { LinkError, LinkFailure } from './useShareLinkSync';

const LINK_ERROR: Readonly<Record<LinkFailure, MessageKey>> = {
  foreign: 'link.foreign',
  'too-large': 'link.tooLarge',
  corrupt: 'link.corrupt',
  invalid: 'link.invalid',
};

interface Props {
  readonly linkError: LinkError | null;
  readonly onCloseLinkError: () => void;
  readonly notice: Notice | null;
  readonly onCloseNotice: () => void;
}

/** A share link that could not be opened (alert) and the last notice (status), each closable. */
export function Banners({ linkError, onCloseLinkError, notice, onCloseNotice }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      {linkError ? (
        <div className="banner error" role="alert">
          <p>
            <b>{t('link.title')}</b> {t(LINK_ERROR[linkError.reason])}
            {linkError.detail ? <code className="path"> {linkError.detail}</code> : null}
          </p>
          <button type="button" onClick={onCloseLinkError}>
            {t('common.close')}
          </button>
        </div>
      ) : null}
      {notice ? (
        <div className="banner info" role="status">
          <p>{renderMessage(i18n, notice.message)}</p>
          {notice.actions?.map((action) => (
            <button key={action.label} type="button" onClick={action.run}>
              {t(action.label)}
            </button>
          ))}
          <button type="button" onClick={onCloseNotice}>
            {t('common.close')}
          </button>
        </div>
      ) : null}
    </>
  );
}
