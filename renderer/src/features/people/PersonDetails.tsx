import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person } from '@deskside/core';
import { Facts } from '../../components/Facts';

/** Where the person sits and how to reach them. */
export function PersonFacts({ person }: { person: Person }) {
  const { t } = useTranslation();
  const fields = ['department', 'location', 'phone', 'email'] as const;
  return (
    <section className="panel" aria-label={t('people.details')}>
      <Facts items={fields.map((field) => [t(`people.fields.${field}`), person[field] || '—'])} />
    </section>
  );
}

/** The person's machines; those the console knows open their page. */
export function PersonMachines({ person }: { person: Person }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="person-machines">
      <h2 id="person-machines">{t('people.machines.title')}</h2>
      {person.machines.length === 0 ? (
        <p className="muted">{t('people.machines.none')}</p>
      ) : (
        <ul>
          {person.machines.map((machine, index) => (
            <li key={index}>
              {machine.machineId ? (
                <Link to={`/machines/${machine.machineId}`}>{machine.name}</Link>
              ) : (
                <>
                  {machine.name} <span className="muted">{t('people.machines.notInConsole')}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
