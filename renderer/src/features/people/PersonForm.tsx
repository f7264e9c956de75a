import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '@deskside/core';
import { useApiMutation, useApiQuery, useRefreshAfter } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LanguageOptions } from '../kb/LanguageOptions';
import { TextField } from '../ticket-page/Fields';
import { MachinesField } from './MachinesField';
import {
  EMPTY_DRAFT,
  draftOf,
  inputOf,
  personProblems,
  problemsFromError,
  rebase,
  type PersonDraft,
  type PersonProblems,
} from './person-draft';
import { StaleNotice } from './StaleNotice';

type TextFieldName = Exclude<keyof PersonDraft, 'machines' | 'language'>;
const INPUT_TYPES: Partial<Record<TextFieldName, 'email' | 'tel'>> = {
  email: 'email',
  phone: 'tel',
};

/**
 * Adds a person to the directory, or edits one. An edit names the version it was opened at
 * and keeps it while the analyst types, so a change another analyst saves meanwhile is
 * refused and explained, never overwritten.
 */
export function PersonForm({
  person = null,
  onSaved,
  onCancel,
}: {
  person?: Person | null;
  onSaved: (person: Person) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const languageId = useId();
  const [opened, setOpened] = useState(person);
  const [draft, setDraft] = useState<PersonDraft>(() => (person ? draftOf(person) : EMPTY_DRAFT));
  const [problems, setProblems] = useState<PersonProblems>({});
  const create = useApiMutation('people.create', { onSuccess: onSaved });
  const refreshAfter = useRefreshAfter();
  const update = useApiMutation('people.update', {
    onSuccess: onSaved,
    onError: (refused) => {
      // Read the record as the other analyst left it, to say what they changed.
      if (refused.code === 'stale_version') void refreshAfter(['people.changed']);
    },
  });
  const saving = create.isPending || update.isPending;
  const error = create.error ?? update.error;
  const stale = error?.code === 'stale_version';
  // The record as it is now, while a refused edit is explained.
  const current = useApiQuery(
    'people.get',
    { id: opened?.id ?? 0 },
    { enabled: stale && opened !== null },
  );
  const shownProblems = { ...problemsFromError(error), ...problems };

  const submit = () => {
    const found = personProblems(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const input = inputOf(draft);
    if (opened) update.mutate({ ...input, id: opened.id, expectedVersion: opened.version });
    else create.mutate(input);
  };
  const reload = (fresh: Person) => {
    setDraft(rebase(draftOf(opened ?? fresh), draft, draftOf(fresh)));
    setOpened(fresh);
    update.reset();
  };
  const text = (name: TextFieldName) => (
    <TextField
      label={t(`people.fields.${name}`)}
      type={INPUT_TYPES[name] ?? 'text'}
      value={draft[name]}
      problem={shownProblems[name]}
      onChange={(value) => {
        setDraft({ ...draft, [name]: value });
      }}
    />
  );
  const title = opened ? t('people.editTitle', { name: opened.name }) : t('people.addTitle');

  return (
    <form
      noValidate
      className="panel form person-form"
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {text('name')}
      <div className="form inline">
        {text('department')}
        {text('location')}
      </div>
      <div className="form inline">
        {text('phone')}
        {text('email')}
        <div className="field">
          <label htmlFor={languageId}>{t('people.fields.language')}</label>
          <select
            id={languageId}
            value={draft.language}
            onChange={(event) => {
              setDraft({ ...draft, language: event.target.value });
            }}
          >
            <option value="">{t('people.defaultLanguage')}</option>
            <LanguageOptions />
          </select>
        </div>
      </div>
      <MachinesField
        machines={draft.machines}
        problems={shownProblems}
        onChange={(machines) => {
          setDraft({ ...draft, machines });
        }}
      />
      {stale && opened ? (
        <StaleNotice opened={opened} draft={draft} current={current.data} onReload={reload} />
      ) : (
        error && <ErrorMessage error={error} />
      )}
      <div className="actions">
        <button type="submit" disabled={saving}>
          {saving ? t('people.saving') : opened ? t('people.save') : t('people.create')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('people.cancel')}
        </button>
      </div>
    </form>
  );
}
