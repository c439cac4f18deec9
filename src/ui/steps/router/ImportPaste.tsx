import { useId, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import type { ImportProblem } from '../../../core/import/types';
import type { ImportedField } from '../../../core/import/planFromImport';
import type { Plan } from '../../../core/index';
import { bi } from '../../../core/text/bilingual';
import { useI18n } from '../../i18n';
import { loadEngine } from '../../useEngine';

const TEXT = {
  summary: bi('ルーターの設定を貼り付ける', "Paste your router's configuration"),
  lead: bi(
    'RTX で show config を実行し、その出力を貼り付けると、フォームを埋め、ルーターで使われていない番号を選びます。貼り付けたテキストはこのページの中だけにあり、URL・ブラウザの保存領域・zip には入りません。',
    "Run show config on the RTX and paste its output: the form is filled from it and numbers the router does not use are chosen. The pasted text stays in this page: never in the URL, the browser's storage or the zip.",
  ),
  label: bi('show config の出力', 'Output of show config'),
  read: bi('読み込んでフォームを埋める', 'Read it and fill the form'),
  filled: bi('設定から埋めた項目', 'Fields filled from the configuration'),
  problems: bi('読めなかった行', 'Lines not read as expected'),
  line: bi('行', 'line'),
};

interface Outcome {
  readonly fields: readonly ImportedField[];
  readonly problems: readonly ImportProblem[];
  readonly fatal: boolean;
}

/**
 * The wizard's "paste your router's configuration" (issue 13): reads the text with the core's
 * parser, fills the form from what it found, and lists every field it filled with its line. The
 * text lives in this component's state only.
 */
export function ImportPaste() {
  const { pick } = useI18n();
  const { getValues, reset } = useFormContext<Plan>();
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const id = useId();

  const read = async () => {
    const engine = await loadEngine();
    const imported = engine.importRtxConfig(text);
    if (!imported.facts) {
      setOutcome({ fields: [], problems: imported.problems, fatal: true });
      return;
    }
    const { plan, fields } = engine.planFromImport(imported.facts, getValues());
    reset(plan as unknown as Plan, { keepDefaultValues: true });
    setOutcome({ fields, problems: imported.problems, fatal: false });
  };

  return (
    <details className="notes import-paste">
      <summary>{pick(TEXT.summary)}</summary>
      <p>{pick(TEXT.lead)}</p>
      <label htmlFor={`${id}-text`}>{pick(TEXT.label)}</label>
      <textarea
        id={`${id}-text`}
        className="mono"
        rows={8}
        spellCheck={false}
        autoComplete="off"
        value={text}
        onChange={(event) => setText(event.target.value)}
        data-testid="import-text"
      />
      <button type="button" onClick={() => void read()} disabled={text.trim() === ''}>
        {pick(TEXT.read)}
      </button>
      {outcome ? (
        <div role="status">
          {outcome.fields.length > 0 ? (
            <>
              <h3>{pick(TEXT.filled)}</h3>
              <ul data-testid="import-fields">
                {outcome.fields.map((field) => (
                  <li key={field.path}>
                    <code>{field.path}</code>: {pick(field.note)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {outcome.problems.length > 0 ? (
            <>
              <h3>{pick(TEXT.problems)}</h3>
              <ul className={outcome.fatal ? 'error' : undefined}>
                {outcome.problems.slice(0, 50).map((problem, index) => (
                  <li key={index}>
                    {problem.line > 0 ? `${pick(TEXT.line)} ${problem.line}: ` : ''}
                    {pick(problem.message)}
                    {problem.text !== undefined ? <code> {problem.text}</code> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </details>
  );
}
