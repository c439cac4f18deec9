import type { Finding, GeneratedFile } from '../../core/index';
import { useI18n } from '../i18n';
import { TopologyFigure } from '../preview/TopologyFigure';

/**
 * The preview as it stands before the first interaction: the build-time bundle of the default plan
 * (with the visitor's key), shown plainly. The full preview (tabs, highlighting, copy, changed lines,
 * links to fields) replaces it as soon as the visitor starts working.
 */
export function BootPreview({ files, findings }: { readonly files: readonly GeneratedFile[]; readonly findings: readonly Finding[] }) {
  const { t, pick } = useI18n();
  const router = files.find((file) => file.path === 'router/rtx-config.txt');
  const warnings = findings.filter((finding) => finding.level === 'warning').length;
  const infos = findings.filter((finding) => finding.level === 'info').length;
  return (
    <section className="preview" aria-labelledby="preview-title">
      <div className="preview-head">
        <h2 id="preview-title">{t('preview.title')}</h2>
        <p className="counts">
          <span className="badge ok">{t('findings.errors', { n: 0 })}</span>
          <span className="badge warning">{t('findings.warnings', { n: warnings })}</span>
          <span className="badge info">{t('findings.infos', { n: infos })}</span>
        </p>
      </div>
      {findings.length > 0 ? (
        <ul className="findings" aria-label={t('findings.title')}>
          {findings.map((finding, index) => (
            <li key={index} className={finding.level}>
              <span className="level">{t(finding.level === 'info' ? 'findings.info' : 'findings.warning')}</span>
              <span>{pick(finding.message)}</span>
              <code className="path">{finding.path}</code>
            </li>
          ))}
        </ul>
      ) : null}
      <TopologyFigure files={files} />
      {router ? (
        <div className="files">
          <div className="code" id="file-panel" aria-label={router.path}>
            <div className="code-head">
              <div>
                <p className="code-title">{pick(router.title)}</p>
                <p className="code-meta mono">{router.path}</p>
              </div>
            </div>
            <div className="code-scroll" tabIndex={0} aria-label={router.path}>
              <pre className={`lang-${router.language}`}>
                <code>{router.content}</code>
              </pre>
            </div>
          </div>
        </div>
      ) : null}
    </section>
  );
}
