import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import type { ParamField } from './param-form';

/** The inputs of one check's parameters, generated from its schema. */
export function ParamFields({
  checkId,
  fields,
  values,
  problems,
  onChange,
}: {
  checkId: string;
  fields: readonly ParamField[];
  values: Readonly<Record<string, string>>;
  problems: Readonly<Record<string, 'required' | 'invalid'>>;
  onChange: (name: string, value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="param-fields">
      {fields.map((field) => (
        <Field
          key={field.name}
          // The parameters come from the check catalog at run time (result-text.test.ts holds every
          // one to the catalogs); a parameter without a label shows its own name.
          label={t(`checks.param.${checkId}.${field.name}`, { defaultValue: field.name })}
          field={field}
          value={values[field.name] ?? ''}
          problem={problems[field.name]}
          onChange={(value) => {
            onChange(field.name, value);
          }}
        />
      ))}
    </div>
  );
}

function Field({
  label,
  field,
  value,
  problem,
  onChange,
}: {
  label: string;
  field: ParamField;
  value: string;
  problem: 'required' | 'invalid' | undefined;
  onChange: (value: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const hints: string[] = [];
  if (!field.required) hints.push(t('checks.form.optional'));
  if (
    (field.kind === 'number' || field.kind === 'numbers') &&
    field.min !== null &&
    field.max !== null
  ) {
    hints.push(
      t('checks.form.range', {
        min: formatNumber(field.min, i18n.language),
        max: formatNumber(field.max, i18n.language),
      }),
    );
  }
  if (field.kind === 'numbers') hints.push(t('checks.form.list'));
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const described = [hintId, ...(problem ? [problemId] : [])].join(' ');
  const common = {
    id,
    value,
    'aria-describedby': described,
    'aria-invalid': problem ? true : undefined,
    onChange: (event: { target: { value: string } }) => {
      onChange(event.target.value);
    },
  };
  return (
    <div className="param-field">
      <label htmlFor={id}>{label}</label>
      {field.kind === 'choice' ? (
        <select {...common}>
          {field.defaultValue === null && <option value="">—</option>}
          {field.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : field.kind === 'number' ? (
        <input
          {...common}
          type="number"
          inputMode={field.integer ? 'numeric' : 'decimal'}
          step={field.integer ? 1 : 'any'}
          {...(field.min === null ? {} : { min: field.min })}
          {...(field.max === null ? {} : { max: field.max })}
        />
      ) : (
        <input
          {...common}
          type="text"
          spellCheck={false}
          {...(field.kind === 'text' && field.maxLength !== null
            ? { maxLength: field.maxLength }
            : {})}
        />
      )}
      <span id={hintId} className="hint">
        {hints.join(' · ')}
      </span>
      {problem && (
        <span id={problemId} className="field-problem">
          {t(problem === 'required' ? 'checks.form.required' : 'checks.form.invalid')}
        </span>
      )}
    </div>
  );
}
