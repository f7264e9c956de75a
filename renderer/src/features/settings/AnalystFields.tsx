import { useTranslation } from 'react-i18next';
import { ANALYST_ROLES, AnalystRoleSchema, LanguageSchema, type TeamGroup } from '@deskside/core';
import type { AnalystDetails } from '@deskside/core';
import { LanguageOptions } from '../kb/LanguageOptions';
import { FieldError } from './FieldError';
import { invalidFields } from './analyst-errors';
import type { FieldErrors } from './field-errors';

/** Name, e-mail, language, role and groups: what an administrator sets for an analyst. */
export function AnalystFields({
  draft,
  onChange,
  errors,
  groups,
  idOf,
}: {
  draft: AnalystDetails;
  onChange: (change: Partial<AnalystDetails>) => void;
  errors: FieldErrors;
  groups: readonly TeamGroup[];
  /** A unique id for a field's error message. */
  idOf: (field: string) => string;
}) {
  const { t } = useTranslation();
  const invalid = invalidFields(errors, idOf);
  return (
    <>
      <label>
        {t('settings.analysts.name')}
        <input
          value={draft.name}
          maxLength={120}
          autoComplete="off"
          onChange={(e) => {
            onChange({ name: e.target.value });
          }}
          {...invalid.name}
        />
        <FieldError errors={errors} path="name" id={idOf('name')} />
      </label>
      <label>
        {t('settings.analysts.email')}
        <input
          type="email"
          value={draft.email}
          maxLength={254}
          autoComplete="off"
          onChange={(e) => {
            onChange({ email: e.target.value });
          }}
          {...invalid.email}
        />
        <FieldError errors={errors} path="email" id={idOf('email')} />
      </label>
      <label>
        {t('settings.analysts.language')}
        <select
          value={draft.language}
          onChange={(e) => {
            onChange({ language: LanguageSchema.parse(e.target.value) });
          }}
          {...invalid.language}
        >
          <LanguageOptions />
        </select>
        <FieldError errors={errors} path="language" id={idOf('language')} />
      </label>
      <label>
        {t('settings.analysts.role')}
        <select
          value={draft.role}
          onChange={(e) => {
            onChange({ role: AnalystRoleSchema.parse(e.target.value) });
          }}
          {...invalid.role}
        >
          {ANALYST_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`settings.analysts.roles.${role}`)}
            </option>
          ))}
        </select>
        <FieldError errors={errors} path="role" id={idOf('role')} />
      </label>
      <fieldset>
        <legend>{t('settings.analysts.groups')}</legend>
        {groups.length === 0 && <p className="muted">{t('settings.analysts.noGroups')}</p>}
        {groups.map((group) => (
          <label className="checkbox" key={group.id}>
            <input
              type="checkbox"
              checked={draft.groups.includes(group.id)}
              onChange={(e) => {
                onChange({
                  groups: e.target.checked
                    ? [...draft.groups, group.id]
                    : draft.groups.filter((id) => id !== group.id),
                });
              }}
              {...invalid.groups}
            />
            {group.name}
          </label>
        ))}
        <FieldError errors={errors} path="groups" id={idOf('groups')} />
      </fieldset>
    </>
  );
}
