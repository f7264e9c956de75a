import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../i18n/field-problems';

interface FieldProps {
  label: string;
  problem?: FieldProblem | undefined;
  hint?: string;
}

function useField(problem: FieldProblem | undefined) {
  const id = useId();
  const { t } = useTranslation();
  const errorId = `${id}-error`;
  return {
    id,
    controlProps: {
      id,
      'aria-invalid': problem ? true : undefined,
      'aria-describedby': problem ? errorId : undefined,
    },
    error: problem ? (
      <span id={errorId} className="field-error">
        {t(`ticket.form.${problem.kind}`, problem.values)}
      </span>
    ) : null,
  };
}

function FieldShell({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <span className="muted field-hint">{hint}</span>}
      {children}
      {error}
    </div>
  );
}

export function TextField({
  label,
  problem,
  hint,
  value,
  onChange,
  type = 'text',
  list,
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'datetime-local' | 'email' | 'tel';
  list?: string;
}) {
  const field = useField(problem);
  return (
    <FieldShell id={field.id} label={label} hint={hint} error={field.error}>
      <input
        {...field.controlProps}
        type={type}
        list={list}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </FieldShell>
  );
}

export function TextArea({
  label,
  problem,
  hint,
  value,
  onChange,
  rows = 3,
}: FieldProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  const field = useField(problem);
  return (
    <FieldShell id={field.id} label={label} hint={hint} error={field.error}>
      <textarea
        {...field.controlProps}
        rows={rows}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </FieldShell>
  );
}

export function SelectField<T extends string>({
  label,
  problem,
  hint,
  value,
  options,
  optionLabel,
  onChange,
}: FieldProps & {
  value: T;
  options: readonly T[];
  optionLabel: (option: T) => string;
  onChange: (value: T) => void;
}) {
  const field = useField(problem);
  return (
    <FieldShell id={field.id} label={label} hint={hint} error={field.error}>
      <select
        {...field.controlProps}
        value={value}
        onChange={(event) => {
          const chosen = options.find((option) => option === event.target.value);
          if (chosen !== undefined) onChange(chosen);
        }}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
