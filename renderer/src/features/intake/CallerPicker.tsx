import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '@deskside/core';
import { useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';

/** Finds the caller in the people directory as the analyst types their name or e-mail. */
export function CallerPicker({
  person,
  onChoose,
}: {
  person: Person | null;
  onChoose: (person: Person | null) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const searchId = useId();
  const hintId = useId();
  const matches = useApiQuery('people.list', { search }, { enabled: search.trim().length > 0 });

  if (person) {
    return (
      <div className="caller-chosen">
        <p role="status">
          {t('intake.chosen', { name: person.name })}
          {person.department && <span className="muted"> · {person.department}</span>}
        </p>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            onChoose(null);
          }}
        >
          {t('intake.change')}
        </button>
      </div>
    );
  }
  return (
    <div className="caller-search">
      <label htmlFor={searchId}>{t('intake.search')}</label>
      <input
        id={searchId}
        type="search"
        value={search}
        aria-describedby={hintId}
        autoComplete="off"
        onChange={(e) => {
          setSearch(e.target.value);
        }}
      />
      <span id={hintId} className="hint">
        {t('intake.searchHint')}
      </span>
      {matches.error && <ErrorMessage error={matches.error} />}
      {matches.data?.length === 0 && <p className="muted">{t('intake.noMatches')}</p>}
      {matches.data && matches.data.length > 0 && (
        <ul className="people-matches" aria-label={t('intake.matches')}>
          {matches.data.slice(0, 10).map((match) => (
            <li key={match.id}>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  onChoose(match);
                }}
              >
                <strong>{match.name}</strong>
                {[match.department, match.email].filter(Boolean).map((detail) => (
                  <span key={detail} className="muted">
                    {' · '}
                    {detail}
                  </span>
                ))}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
