import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KB_SORTS } from '@deskside/core';
import { useApiQuery } from '../../api/hooks';
import { SearchField } from '../../components/SearchField';
import { CategorySelect } from './CategorySelect';
import { LanguageOptions } from './LanguageOptions';

export interface KbFilterValues {
  search: string;
  category: string;
  tag: string;
  language: string;
  sort: string;
}

function Choice({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {children}
      </select>
    </div>
  );
}

/** The list's search field and filters; every value is a string, '' meaning "any". */
export function KbFilters({
  values,
  onChange,
}: {
  values: KbFilterValues;
  onChange: (changes: Partial<KbFilterValues>) => void;
}) {
  const { t } = useTranslation();
  const tags = useApiQuery('kb.tags', {});
  return (
    <div className="panel form inline kb-filters" role="search">
      <SearchField
        grow
        label={t('kb.search')}
        value={values.search}
        onChange={(search) => {
          onChange({ search });
        }}
      />
      <CategorySelect
        value={values.category}
        emptyLabel={t('kb.allCategories')}
        onChange={(category) => {
          onChange({ category });
        }}
      />
      <Choice
        label={t('kb.tag')}
        value={values.tag}
        onChange={(tag) => {
          onChange({ tag });
        }}
      >
        <option value="">{t('kb.allTags')}</option>
        {tags.data?.map(({ tag }) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </Choice>
      <Choice
        label={t('kb.language')}
        value={values.language}
        onChange={(language) => {
          onChange({ language });
        }}
      >
        <option value="">{t('kb.allLanguages')}</option>
        <LanguageOptions />
      </Choice>
      <Choice
        label={t('kb.sort')}
        value={values.sort}
        onChange={(sort) => {
          onChange({ sort });
        }}
      >
        {KB_SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {t(`kb.sorts.${sort}`)}
          </option>
        ))}
      </Choice>
    </div>
  );
}
