import { useState, type ReactNode } from 'react';
import { useController, useFormContext, useWatch, type Path } from 'react-hook-form';
import type { Bilingual, Plan } from '../../core/index';
import { useI18n } from '../i18n';
import { useFieldFindings } from './findingsContext';
import { trimmed } from './normalize';
import { fieldId } from './planForm';

export type PlanPath = Path<Plan>;

export interface ControlProps {
  readonly id: string;
  readonly 'aria-invalid': boolean;
  readonly 'aria-describedby': string;
}

interface ShellProps {
  readonly path: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  /** Also show findings for paths below this one (list items). */
  readonly nested?: boolean;
  readonly className?: string;
  readonly check?: boolean;
  /** A more precise message than the core's, shown first while the field has an error. */
  readonly explain?: string;
  readonly children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its hint and the core's messages for its path, announced politely. */
export function FieldShell({ path, label, hint, nested, className, check, explain, children }: ShellProps) {
  const { pick } = useI18n();
  const findings = useFieldFindings(path, nested);
  const id = fieldId(path);
  const invalid = findings.some((finding) => finding.level === 'error');
  const control: ControlProps = { id, 'aria-invalid': invalid, 'aria-describedby': `${id}-msg${hint ? ` ${id}-hint` : ''}` };
  return (
    <div className={`field${check ? ' check' : ''}${invalid ? ' invalid' : ''}${className ? ` ${className}` : ''}`}>
      {check ? (
        <>
          {children(control)}
          <label htmlFor={id}>{label}</label>
        </>
      ) : (
        <>
          <label htmlFor={id}>{label}</label>
          {children(control)}
        </>
      )}
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="messages" id={`${id}-msg`} aria-live="polite">
        {invalid && explain ? <p className="msg error">{explain}</p> : null}
        {findings.map((finding, index) => (
          <p key={`${finding.code}-${index}`} className={`msg ${finding.level}`}>
            {pick(finding.message)}
          </p>
        ))}
      </div>
    </div>
  );
}

interface TextFieldProps {
  readonly path: PlanPath;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly placeholder?: string;
  readonly mono?: boolean;
  readonly className?: string;
  /** How a pasted value is cleaned before it is checked (default: surrounding blanks dropped). */
  readonly normalize?: (value: unknown) => unknown;
  /** A precise reason for a recognisable mistake in the value, if any. */
  readonly explain?: (value: unknown) => Bilingual | undefined;
}

export function TextField({ path, label, hint, placeholder, mono, className, normalize = trimmed, explain }: TextFieldProps) {
  const { register, control: formControl } = useFormContext<Plan>();
  const { pick } = useI18n();
  const value: unknown = useWatch({ control: formControl, name: path });
  const problem = explain?.(value);
  return (
    <FieldShell path={path} label={label} hint={hint} className={className} explain={problem ? pick(problem) : undefined}>
      {(control) => (
        <input
          {...control}
          {...register(path, { setValueAs: normalize })}
          type="text"
          className={mono ? 'mono' : undefined}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
        />
      )}
    </FieldShell>
  );
}

interface NumberFieldProps {
  readonly path: PlanPath;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly min?: number;
  readonly max?: number;
  readonly disabled?: boolean;
  readonly className?: string;
}

export function NumberField({ path, label, hint, min, max, disabled, className }: NumberFieldProps) {
  const { register } = useFormContext<Plan>();
  return (
    <FieldShell path={path} label={label} hint={hint} className={className}>
      {(control) => (
        <input {...control} {...register(path, { valueAsNumber: true })} type="number" inputMode="numeric" min={min} max={max} step={1} disabled={disabled} />
      )}
    </FieldShell>
  );
}

export interface SelectOption {
  readonly value: string;
  readonly label: string;
  readonly disabled?: boolean;
  /** Why a disabled option cannot be chosen, shown under the control. */
  readonly reason?: string;
}

interface SelectFieldProps {
  readonly path: PlanPath;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly options: readonly SelectOption[];
  readonly asNumber?: boolean;
  /** The empty option stands for "absent" (the plan's optional field). */
  readonly emptyAsUndefined?: boolean;
  readonly className?: string;
  readonly onValueChange?: (value: string) => void;
}

export function SelectField({ path, label, hint, options, asNumber, emptyAsUndefined, className, onValueChange }: SelectFieldProps) {
  const { register } = useFormContext<Plan>();
  const { t } = useI18n();
  const blocked = options.filter((option) => option.disabled && option.reason);
  return (
    <FieldShell path={path} label={label} hint={hint} className={className}>
      {(control) => (
        <>
          <select
            {...control}
            {...register(path, {
              setValueAs: (value: unknown) => (asNumber ? Number(value) : emptyAsUndefined && value === '' ? undefined : value),
              onChange: onValueChange ? (event: { target: { value: string } }) => onValueChange(event.target.value) : undefined,
            })}
          >
            {options.map((option) => (
              <option key={option.value} value={option.value} disabled={option.disabled}>
                {option.disabled ? `${option.label} — ${t('field.unavailable')}` : option.label}
              </option>
            ))}
          </select>
          {blocked.length > 0 ? (
            <details className="reasons">
              <summary>{t('field.unavailableWhy', { count: blocked.length })}</summary>
              <ul>
                {blocked.map((option) => (
                  <li key={option.value}>
                    <b>{option.label}</b>: {option.reason}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      )}
    </FieldShell>
  );
}

interface CheckFieldProps {
  readonly path: PlanPath;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly className?: string;
}

export function CheckField({ path, label, hint, className }: CheckFieldProps) {
  const { register } = useFormContext<Plan>();
  return (
    <FieldShell path={path} label={label} hint={hint} check className={className}>
      {(control) => <input {...control} {...register(path)} type="checkbox" />}
    </FieldShell>
  );
}

const formatList = (values: unknown): string => (Array.isArray(values) ? values.map((value) => (Number.isNaN(value) ? '?' : String(value))).join(' ') : '');

const parseList = (text: string): number[] =>
  text
    .split(/[\s,]+/)
    .filter((part) => part.length > 0)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));

/** A list of filter numbers edited as one line of text ("101000 101001 101002"). */
export function NumberListField({
  path,
  label,
  hint,
  className,
}: {
  readonly path: PlanPath;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly className?: string;
}) {
  const { control: formControl } = useFormContext<Plan>();
  const { field } = useController({ control: formControl, name: path });
  const [text, setText] = useState(() => formatList(field.value));
  const [seen, setSeen] = useState(field.value);
  if (seen !== field.value) {
    // The value changed from outside (preset, reset, load): show it.
    setSeen(field.value);
    if (formatList(parseList(text)) !== formatList(field.value)) setText(formatList(field.value));
  }
  return (
    <FieldShell path={path} label={label} hint={hint} nested className={className}>
      {(control) => (
        <input
          {...control}
          ref={field.ref}
          name={field.name}
          type="text"
          className="mono"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onBlur={field.onBlur}
          onChange={(event) => {
            setText(event.target.value);
            const next = parseList(event.target.value);
            setSeen(next);
            field.onChange(next);
          }}
        />
      )}
    </FieldShell>
  );
}
