import { useTranslation } from 'react-i18next';
import type { Person } from '@deskside/core';
import { formatDateTime, formatList } from '../../i18n/format';
import { changedFields, draftOf, type PersonDraft, type PersonField } from './person-draft';

/** A field's value as the notice quotes it. */
function shown(draft: PersonDraft, field: PersonField): string {
  if (field === 'machines') return draft.machines.map((m) => m.name).join(', ');
  return draft[field];
}

/**
 * Why a save was refused: another analyst saved this person after the form was opened.
 * Says what they changed, which of those the analyst changed too, and offers to carry on
 * from their version with the analyst's own changes kept.
 */
export function StaleNotice({
  opened,
  draft,
  current,
  onReload,
}: {
  opened: Person;
  draft: PersonDraft;
  current: Person | undefined;
  onReload: (current: Person) => void;
}) {
  const { t, i18n } = useTranslation();
  const fresh = current && current.version > opened.version ? current : undefined;
  const theirs = fresh ? changedFields(draftOf(opened), draftOf(fresh)) : [];
  const mine = new Set(changedFields(draftOf(opened), draft));
  const label = (field: PersonField) => t(`people.fields.${field}`);
  const both = theirs.filter((field) => mine.has(field));
  return (
    <div role="alert" className="error">
      <strong>{t('people.stale.title')}</strong>
      <p>
        {fresh
          ? t('people.stale.when', { date: formatDateTime(fresh.updatedAt, i18n.language) })
          : t('app.loading')}
      </p>
      {theirs.length > 0 && fresh && (
        <ul>
          {theirs.map((field) => (
            <li key={field}>
              {t('people.stale.change', {
                field: label(field),
                value: shown(draftOf(fresh), field) || '—',
              })}
            </li>
          ))}
        </ul>
      )}
      {both.length > 0 && (
        <p>{t('people.stale.both', { fields: formatList(both.map(label), i18n.language) })}</p>
      )}
      {fresh && (
        <button
          type="button"
          onClick={() => {
            onReload(fresh);
          }}
        >
          {t('people.stale.reload')}
        </button>
      )}
    </div>
  );
}
