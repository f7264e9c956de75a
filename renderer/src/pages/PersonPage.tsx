import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { PersonIdSchema } from '@deskside/core';
import { useApiQuery } from '../api/hooks';
import { ErrorMessage } from '../components/ErrorMessage';
import { PersonFacts, PersonMachines } from '../features/people/PersonDetails';
import { PersonForm } from '../features/people/PersonForm';
import { PersonTickets } from '../features/people/PersonTickets';

function BackToPeople() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/people">← {t('people.back')}</Link>
    </p>
  );
}

/** /people/new: a person added to the directory opens their page. */
export function NewPersonPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <main>
      <BackToPeople />
      <h1>{t('people.addTitle')}</h1>
      <PersonForm
        onSaved={(person) => void navigate(`/people/${person.id}`)}
        onCancel={() => void navigate('/people')}
      />
    </main>
  );
}

/** /people/:id: who the person is, their machines and their tickets; edited in place. */
export function PersonPage() {
  const { t } = useTranslation();
  const id = PersonIdSchema.safeParse(Number(useParams().id)).data;
  const person = useApiQuery('people.get', { id: id ?? 0 }, { enabled: id !== undefined });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (id === undefined) return <Navigate to="/people" replace />;
  return (
    <main>
      <BackToPeople />
      {person.error && <ErrorMessage error={person.error} />}
      {person.data && (
        <>
          <header className="page-header">
            <h1>{person.data.name}</h1>
            {!editing && (
              <button
                type="button"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('people.edit')}
              </button>
            )}
          </header>
          <p role="status">{saved && t('people.saved')}</p>
          {editing ? (
            <PersonForm
              person={person.data}
              onSaved={() => {
                setEditing(false);
                setSaved(true);
              }}
              onCancel={() => {
                setEditing(false);
              }}
            />
          ) : (
            <PersonFacts person={person.data} />
          )}
          <PersonMachines person={person.data} />
          <PersonTickets id={person.data.id} />
        </>
      )}
    </main>
  );
}
