import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TierSchema, type TeamGroup } from '@deskside/core';
import { useApiMutation } from '../../api/hooks';
import { FieldError, invalidProps } from './FieldError';
import { fieldErrors } from './field-errors';
import { SaveBar } from './SaveBar';

const NEW_GROUP: TeamGroup = { id: '', name: '', tier: 'tier1', members: [] };

/** The desk's groups: name, support line, members; add and remove. */
export function GroupsSettings({ groups }: { groups: TeamGroup[] }) {
  const { t } = useTranslation();
  const base = useId();
  const [draft, setDraft] = useState<TeamGroup[]>(groups);
  const [adding, setAdding] = useState<TeamGroup>(NEW_GROUP);
  const save = useApiMutation('workflow.configure');
  const errors = fieldErrors(save.error);
  const fieldId = (path: string) => `${base}${path.replace(/\W/g, '-')}`;
  const edit = (index: number, change: Partial<TeamGroup>) => {
    setDraft((current) => current.map((g, i) => (i === index ? { ...g, ...change } : g)));
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    save.mutate({ groups: draft });
  };
  const tierOptions = TierSchema.options.map((tier) => (
    <option key={tier} value={tier}>
      {t(`settings.groups.tiers.${tier}`)}
    </option>
  ));

  return (
    <form className="panel form" onSubmit={submit} aria-label={t('settings.groups.title')}>
      <h2>{t('settings.groups.title')}</h2>
      <p className="muted">{t('settings.groups.intro')}</p>
      <FieldError errors={errors} path="groups" id={fieldId('groups')} />
      <table className="list">
        <thead>
          <tr>
            <th scope="col">{t('settings.groups.name')}</th>
            <th scope="col">{t('settings.groups.id')}</th>
            <th scope="col">{t('settings.groups.tier')}</th>
            <th scope="col">{t('settings.groups.email')}</th>
            <th scope="col">{t('settings.groups.members')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('settings.groups.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {draft.map((group, index) => {
            const namePath = `groups.${index}.name`;
            const idPath = `groups.${index}.id`;
            const emailPath = `groups.${index}.email`;
            return (
              <tr key={index}>
                <td>
                  <input
                    value={group.name}
                    aria-label={t('settings.groups.nameOf', { id: group.id })}
                    onChange={(e) => {
                      edit(index, { name: e.target.value });
                    }}
                    {...invalidProps(errors, namePath, fieldId(namePath))}
                  />
                  <FieldError errors={errors} path={namePath} id={fieldId(namePath)} />
                </td>
                <td>
                  <code>{group.id}</code>
                  <FieldError errors={errors} path={idPath} id={fieldId(idPath)} />
                </td>
                <td>
                  <select
                    value={group.tier}
                    aria-label={t('settings.groups.tierOf', { name: group.name })}
                    onChange={(e) => {
                      edit(index, { tier: TierSchema.parse(e.target.value) });
                    }}
                  >
                    {tierOptions}
                  </select>
                </td>
                <td>
                  <input
                    type="email"
                    value={group.email ?? ''}
                    aria-label={t('settings.groups.emailOf', { name: group.name })}
                    onChange={(e) => {
                      edit(index, { email: e.target.value });
                    }}
                    {...invalidProps(errors, emailPath, fieldId(emailPath))}
                  />
                  <FieldError errors={errors} path={emailPath} id={fieldId(emailPath)} />
                </td>
                <td>{group.members.join(', ') || '—'}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      setDraft((current) => current.filter((_, i) => i !== index));
                    }}
                  >
                    {t('settings.groups.remove', { name: group.name })}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <fieldset className="inline-field">
        <legend>{t('settings.groups.add')}</legend>
        <label>
          {t('settings.groups.name')}
          <input
            value={adding.name}
            maxLength={120}
            onChange={(e) => {
              setAdding({ ...adding, name: e.target.value });
            }}
          />
        </label>
        <label>
          {t('settings.groups.id')}
          <input
            value={adding.id}
            maxLength={40}
            aria-describedby={`${base}id-hint`}
            onChange={(e) => {
              setAdding({ ...adding, id: e.target.value });
            }}
          />
        </label>
        <label>
          {t('settings.groups.tier')}
          <select
            value={adding.tier}
            onChange={(e) => {
              setAdding({ ...adding, tier: TierSchema.parse(e.target.value) });
            }}
          >
            {tierOptions}
          </select>
        </label>
        <button
          type="button"
          className="secondary"
          disabled={!adding.name.trim() || !adding.id.trim()}
          onClick={() => {
            setDraft((current) => [...current, { ...adding, id: adding.id.trim() }]);
            setAdding(NEW_GROUP);
          }}
        >
          {t('settings.groups.addButton')}
        </button>
        <small id={`${base}id-hint`} className="muted">
          {t('settings.groups.idHint')}
        </small>
      </fieldset>
      <SaveBar save={save} errors={errors} />
    </form>
  );
}
