import { useI18n } from '../i18n';

interface Props {
  /** A share link replaced the autosaved draft: it is kept, and can be put back. */
  readonly hasPrevious: boolean;
  readonly onRestorePrevious: () => void;
  readonly onDropPrevious: () => void;
  /** Another tab saved its draft over this one's: autosave waits for the user's choice. */
  readonly conflict: boolean;
  readonly onTakeOther: () => void;
  readonly onKeepMine: () => void;
}

export function DraftBanners({ hasPrevious, onRestorePrevious, onDropPrevious, conflict, onTakeOther, onKeepMine }: Props) {
  const { t } = useI18n();
  return (
    <>
      {conflict ? (
        <div className="banner warning" role="alert" id="draft-conflict">
          <p>{t('draft.conflict')}</p>
          <button type="button" onClick={onTakeOther}>
            {t('draft.takeOther')}
          </button>
          <button type="button" onClick={onKeepMine}>
            {t('draft.keepMine')}
          </button>
        </div>
      ) : null}
      {hasPrevious ? (
        <div className="banner info" role="status" id="previous-draft">
          <p>{t('draft.previous')}</p>
          <button type="button" onClick={onRestorePrevious}>
            {t('draft.restorePrevious')}
          </button>
          <button type="button" onClick={onDropPrevious}>
            {t('draft.dropPrevious')}
          </button>
        </div>
      ) : null}
    </>
  );
}
