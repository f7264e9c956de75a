import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { categoryOptions } from './labels';

/** The desk's categories (from its workflow configuration), with "none" or "all" first. */
export function CategorySelect({
  value,
  onChange,
  emptyLabel,
}: {
  value: string;
  onChange: (category: string) => void;
  emptyLabel: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const config = useApiQuery('workflow.config', {});
  return (
    <div className="field">
      <label htmlFor={id}>{t('kb.category')}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        <option value="">{emptyLabel}</option>
        {categoryOptions(t, config.data?.categories ?? []).map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
