import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../api/hooks';
import { useAddressParams } from '../app/use-address-params';
import { ErrorMessage } from '../components/ErrorMessage';
import { SearchField } from '../components/SearchField';
import { useDebounced } from '../features/kb/use-debounced';

const TYPING_PAUSE_MS = 300;

/** The people directory: found by name or e-mail as the analyst types. */
export function PeoplePage() {
  const { t } = useTranslation();
  const [params, setParams] = useAddressParams();
  // The field keeps what is typed itself: the address follows, a step behind a fast typist.
  const [typed, setTyped] = useState(() => params.get('q') ?? '');
  const search = useDebounced(typed.trim(), TYPING_PAUSE_MS);
  const people = useApiQuery('people.list', { search }, { keepPrevious: true });

  return (
    <main>
      <header className="page-header">
        <h1>{t('people.title')}</h1>
        <Link className="button" to="/people/new">
          {t('people.add')}
        </Link>
      </header>
      <div className="panel form inline" role="search">
        <SearchField
          grow
          label={t('people.search')}
          value={typed}
          onChange={(q) => {
            setTyped(q);
            setParams(q ? [['q', q]] : []);
          }}
        />
      </div>
      {people.error && <ErrorMessage error={people.error} onRetry={() => void people.refetch()} />}
      {people.isPending && <p className="muted">{t('app.loading')}</p>}
      {people.data?.length === 0 && (
        <p className="muted" role="status">
          {search ? t('people.noMatches', { search }) : t('people.empty')}
        </p>
      )}
      {people.data && people.data.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('people.fields.name')}</th>
              <th scope="col">{t('people.fields.department')}</th>
              <th scope="col">{t('people.fields.location')}</th>
              <th scope="col">{t('people.contact')}</th>
              <th scope="col">{t('people.machines.title')}</th>
            </tr>
          </thead>
          <tbody>
            {people.data.map((person) => (
              <tr key={person.id}>
                <td>
                  <Link to={`/people/${person.id}`}>{person.name}</Link>
                </td>
                <td>{person.department}</td>
                <td>{person.location}</td>
                <td>{[person.phone, person.email].filter(Boolean).join(' · ')}</td>
                <td>{person.machines.map((m) => m.name).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
