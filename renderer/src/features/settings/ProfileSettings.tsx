import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalystProfile, TeamGroup } from '@deskside/core';
import { useApiMutation } from '../../api/hooks';
import { FieldError, invalidProps } from './FieldError';
import { LanguageSwitcher } from './LanguageSwitcher';
import { fieldErrors } from './field-errors';
import { SaveBar } from './SaveBar';

const DISPLAY_NAME = 'displayName';

/** Who is at this console: the name shown, the groups whose queue is theirs; and the language. */
export function ProfileSettings({
  profile,
  groups,
}: {
  profile: AnalystProfile;
  groups: TeamGroup[];
}) {
  const { t } = useTranslation();
  const base = useId();
  const [displayName, setDisplayName] = useState(profile.displayName ?? '');
  const [memberOf, setMemberOf] = useState<string[]>(profile.groups);
  const save = useApiMutation('profile.update');
  const errors = fieldErrors(save.error);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    save.mutate({ displayName: displayName.trim() || null, groups: memberOf });
  };

  return (
    <>
      <section className="panel form" aria-labelledby={`${base}language`}>
        <h2 id={`${base}language`}>{t('settings.language.title')}</h2>
        <LanguageSwitcher label={t('settings.language.label')} className="language-field" />
      </section>
      <form className="panel form" onSubmit={submit} aria-label={t('settings.profile.title')}>
        <h2>{t('settings.profile.title')}</h2>
        <p className="muted">{t('settings.profile.userName', { name: profile.analyst })}</p>
        <label>
          {t('settings.profile.displayName')}
          <input
            value={displayName}
            maxLength={120}
            placeholder={profile.analyst}
            onChange={(e) => {
              setDisplayName(e.target.value);
            }}
            {...invalidProps(errors, DISPLAY_NAME, `${base}name-error`)}
          />
          <FieldError errors={errors} path={DISPLAY_NAME} id={`${base}name-error`} />
        </label>
        <fieldset>
          <legend>{t('settings.profile.groups')}</legend>
          {groups.map((group, index) => (
            <label className="checkbox" key={group.id}>
              <input
                type="checkbox"
                checked={memberOf.includes(group.id)}
                onChange={(e) => {
                  setMemberOf((current) =>
                    e.target.checked
                      ? [...current, group.id]
                      : current.filter((id) => id !== group.id),
                  );
                }}
                {...invalidProps(errors, `groups.${index}`, `${base}groups-error`)}
              />
              {group.name}
            </label>
          ))}
          <FieldError errors={errors} path="groups" id={`${base}groups-error`} />
        </fieldset>
        <SaveBar save={save} errors={errors} />
      </form>
    </>
  );
}
