import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { FileLanguage, Finding, GeneratedFile } from '../../core/index';
import { useI18n, type MessageKey } from '../i18n';
import type { Token } from './highlight';
import { changedLines } from './lineDiff';
import { TopologyFigure } from './TopologyFigure';

type Highlighter = (language: FileLanguage, line: string) => Token[];

const SIDE_KEY: Readonly<Record<GeneratedFile['side'], MessageKey>> = {
  router: 'preview.side.router',
  vps: 'preview.side.vps',
  hgw: 'preview.side.hgw',
  docs: 'preview.side.docs',
};

const LEVEL_KEY: Readonly<Record<Finding['level'], MessageKey>> = {
  error: 'findings.error',
  warning: 'findings.warning',
  info: 'findings.info',
};

interface PreviewProps {
  readonly files: readonly GeneratedFile[];
  readonly findings: readonly Finding[];
  /** The plan has errors: `files` are the last generatable version. */
  readonly stale: boolean;
  readonly onJump: (path: string) => void;
}

export function Preview({ files, findings, stale, onJump }: PreviewProps) {
  const { t, pick } = useI18n();
  const [track, setTrack] = useState<{ files: readonly GeneratedFile[]; previous?: readonly GeneratedFile[] }>({ files });
  if (track.files !== files) setTrack({ files, previous: track.files });
  const changes = useMemo(() => {
    const result = new Map<string, Set<number>>();
    if (!track.previous) return result;
    const before = new Map(track.previous.map((file) => [file.path, file.content]));
    for (const file of track.files) {
      const old = before.get(file.path);
      const lines = old === undefined ? changedLines('', file.content) : old === file.content ? new Set<number>() : changedLines(old, file.content);
      if (lines.size > 0) result.set(file.path, lines);
    }
    return result;
  }, [track]);

  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.level]++;

  return (
    <section className="preview" aria-labelledby="preview-title">
      <div className="preview-head">
        <h2 id="preview-title">{t('preview.title')}</h2>
        <p className="counts" aria-live="polite">
          <span className={counts.error ? 'badge error' : 'badge ok'}>{t('findings.errors', { n: counts.error })}</span>
          <span className="badge warning">{t('findings.warnings', { n: counts.warning })}</span>
          <span className="badge info">{t('findings.infos', { n: counts.info })}</span>
        </p>
      </div>
      {findings.length > 0 ? (
        <ul className="findings" aria-label={t('findings.title')}>
          {findings.map((finding, index) => (
            <li key={`${finding.path}-${finding.code}-${index}`} className={finding.level}>
              <span className="level">{t(LEVEL_KEY[finding.level])}</span>
              <button type="button" className="link" onClick={() => onJump(finding.path)} title={t('findings.jump')}>
                {pick(finding.message)}
              </button>
              <code className="path">{finding.path}</code>
            </li>
          ))}
        </ul>
      ) : null}
      {stale && files.length > 0 ? (
        <p className="stale" role="status">
          {t('preview.stale')}
        </p>
      ) : null}
      <TopologyFigure files={files} />
      {files.length > 0 ? <FileBrowser files={files} changes={changes} /> : <p className="empty">{t('preview.empty')}</p>}
    </section>
  );
}

function FileBrowser({ files, changes }: { readonly files: readonly GeneratedFile[]; readonly changes: ReadonlyMap<string, ReadonlySet<number>> }) {
  const { t, pick } = useI18n();
  const [selected, setSelected] = useState('router/rtx-config.txt');
  const current = files.find((file) => file.path === selected) ?? files.find((file) => file.side === 'router') ?? files[0]!;
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (event: KeyboardEvent, index: number) => {
    const next =
      event.key === 'ArrowDown' || event.key === 'ArrowRight'
        ? index + 1
        : event.key === 'ArrowUp' || event.key === 'ArrowLeft'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? files.length - 1
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const target = (next + files.length) % files.length;
    setSelected(files[target]!.path);
    tabs.current[target]?.focus();
  };
  const order: GeneratedFile['side'][] = ['router', 'vps', 'hgw', 'docs'];
  return (
    <div className="files">
      <div role="tablist" aria-orientation="vertical" aria-label={t('preview.files')} className="tabs">
        {order.map((side) => {
          const group = files.filter((file) => file.side === side);
          if (group.length === 0) return null;
          return (
            <div key={side} role="presentation" className="tab-group">
              <p className="tab-side" aria-hidden="true">
                {t(SIDE_KEY[side])}
              </p>
              {group.map((file) => {
                const index = files.indexOf(file);
                const active = file === current;
                const changed = changes.get(file.path)?.size ?? 0;
                return (
                  <button
                    key={file.path}
                    ref={(node) => {
                      tabs.current[index] = node;
                    }}
                    type="button"
                    role="tab"
                    id={`tab-${index}`}
                    aria-selected={active}
                    aria-controls="file-panel"
                    tabIndex={active ? 0 : -1}
                    className={changed ? 'tab changed' : 'tab'}
                    onClick={() => setSelected(file.path)}
                    onKeyDown={(event) => onKey(event, index)}
                    title={pick(file.title)}
                  >
                    <span className="tab-path">{file.path.replace(/^(vps|router|hgw|docs)\//, '')}</span>
                    {changed ? <span className="dot" aria-label={t('preview.changedLines', { n: changed })} /> : null}
                  </button>
                );
              })}
            </div>
          );
        })}
      </div>
      <CodeView file={current} changed={changes.get(current.path)} labelledBy={`tab-${files.indexOf(current)}`} />
    </div>
  );
}

function CodeView({ file, changed, labelledBy }: { readonly file: GeneratedFile; readonly changed?: ReadonlySet<number>; readonly labelledBy: string }) {
  const { t, pick } = useI18n();
  const [highlight, setHighlight] = useState<Highlighter | null>(null);
  const [copied, setCopied] = useState('');
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let live = true;
    void import('./highlight').then((module) => live && setHighlight(() => module.highlightLine));
    return () => {
      live = false;
    };
  }, []);
  const first = changed && changed.size > 0 ? Math.min(...changed) : undefined;
  useEffect(() => {
    // Bring the first changed line into view inside the code box (not the page).
    const box = scroller.current;
    if (first === undefined || !box) return;
    const line = box.querySelector<HTMLElement>(`[data-line="${first}"]`);
    if (line && (line.offsetTop < box.scrollTop || line.offsetTop > box.scrollTop + box.clientHeight - 40)) box.scrollTop = Math.max(0, line.offsetTop - 60);
  }, [first, file.path, changed]);
  const lines = useMemo(() => {
    const text = file.content.endsWith('\n') ? file.content.slice(0, -1) : file.content;
    return text.split('\n');
  }, [file.content]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(file.content);
      setCopied(t('preview.copied'));
    } catch {
      setCopied(t('preview.copyFailed'));
    }
    window.setTimeout(() => setCopied(''), 2500);
  };
  return (
    <div className="code" role="tabpanel" id="file-panel" aria-labelledby={labelledBy}>
      <div className="code-head">
        <div>
          <p className="code-title">{pick(file.title)}</p>
          <p className="code-meta mono">
            {file.path}
            {file.installTo ? ` → ${file.installTo}` : ''}
            {file.mode ? ` (${file.mode})` : ''}
            {changed && changed.size > 0 ? <span className="chg-note"> · {t('preview.changedLines', { n: changed.size })}</span> : null}
          </p>
        </div>
        <button type="button" onClick={() => void copy()}>
          {t('preview.copy')}
        </button>
        <span className="sr-status" role="status">
          {copied}
        </span>
      </div>
      <div className="code-scroll" ref={scroller} tabIndex={0} aria-label={file.path}>
        <pre className={`lang-${file.language}`}>
          <code>
            {lines.map((line, index) => (
              <span key={index} data-line={index} className={changed?.has(index) ? 'ln chg' : 'ln'}>
                {highlight
                  ? highlight(file.language, line).map(([className, text], k) =>
                      className ? (
                        <span key={k} className={`t-${className}`}>
                          {text}
                        </span>
                      ) : (
                        text
                      ),
                    )
                  : line}
                {'\n'}
              </span>
            ))}
          </code>
        </pre>
      </div>
    </div>
  );
}
