import { useRef, type ChangeEvent } from 'react';
import type { Plan } from '../../core/index';
import { savePlanFile } from '../download/actions';
import { useI18n } from '../i18n';
import { message, type Message } from './message';
import { loadEngine } from '../useEngine';
import type { Flash } from './useStatus';

interface Props {
  readonly getValues: () => Plan;
  readonly onPlan: (plan: Plan, notice: Message) => void;
  readonly onNotice: (notice: Message) => void;
  readonly flash: Flash;
}

/** Save the plan as JSON (with the key: it goes to the user's own disk) and open such a file. */
export function PlanFileButtons({ getValues, onPlan, onNotice, flash }: Props) {
  const { t } = useI18n();
  const fileInput = useRef<HTMLInputElement>(null);

  const save = async () => {
    const { parsePlan } = await loadEngine();
    const parsed = parsePlan(getValues());
    void savePlanFile(parsed.ok ? parsed.plan : getValues());
    flash('file.saved');
  };

  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    let value: unknown;
    try {
      value = JSON.parse(await file.text());
    } catch {
      onNotice(message('file.notJson', { name: file.name }));
      return;
    }
    const { parsePlan } = await loadEngine();
    const parsed = parsePlan(value);
    if (!parsed.ok) {
      const first = parsed.findings[0];
      onNotice(message('file.invalid', { name: file.name, detail: first ? first.message : '', path: first?.path ?? '' }));
      return;
    }
    onPlan(parsed.plan, message('file.loaded', { name: file.name }));
  };

  return (
    <>
      <button type="button" onClick={() => void save()}>
        {t('file.save')}
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        {t('file.load')}
      </button>
      <input
        ref={fileInput}
        id="load-file"
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('file.load')}
        onChange={(event) => void load(event)}
      />
    </>
  );
}
