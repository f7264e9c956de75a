import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalystAccount, AnalystDetails, DeskSession, TeamGroup } from '@deskside/core';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { managesAnalysts } from '../desk/desk-session';
import { AnalystFields } from './AnalystFields';
import { FieldError } from './FieldError';
import { analystFieldErrors, invalidFields, passwordProblems } from './analyst-errors';
import { SaveBar } from './SaveBar';

type NewAnalystDraft = AnalystDetails & { login: string; password: string; passwordRepeat: string };

const NEW_ANALYST: NewAnalystDraft = {
  login: '',
  password: '',
  passwordRepeat: '',
  name: '',
  email: '',
  language: 'en',
  role: 'analyst',
  groups: [],
};

/** Who this console is signed in as, and with which role on the desk. */
function SignedIn({ session }: { session: DeskSession }) {
  const { t } = useTranslation();
  return (
    <p>
      {session.role
        ? t('settings.analysts.signedIn', {
            analyst: session.analyst,
            role: t(`settings.analysts.roles.${session.role}`),
          })
        : t('settings.analysts.signedInNoRole', { analyst: session.analyst })}
    </p>
  );
}

/** A console on its own (SQLite, or a PostgreSQL desk without roles): nothing to manage. */
export function DeskWithoutRoles({ session }: { session: DeskSession }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="analysts-title">
      <h2 id="analysts-title">{t('settings.analysts.title')}</h2>
      <p>{t('settings.analysts.noRoles')}</p>
      <p className="muted">{t('settings.analysts.thisPc', { analyst: session.analyst })}</p>
    </section>
  );
}

function AddAnalystForm({ groups }: { groups: readonly TeamGroup[] }) {
  const { t } = useTranslation();
  const base = useId();
  const idOf = (field: string) => `${base}${field}-error`;
  const [draft, setDraft] = useState<NewAnalystDraft>(NEW_ANALYST);
  const [checked, setChecked] = useState(false);
  const add = useApiMutation('desk.addAnalyst', {
    onSuccess: () => {
      setDraft(NEW_ANALYST);
      setChecked(false);
    },
  });
  const own = checked ? passwordProblems(draft.password, draft.passwordRepeat) : new Map();
  const errors = new Map([...analystFieldErrors(add.error), ...own]);
  const invalid = invalidFields(errors, idOf);
  const edit = (change: Partial<NewAnalystDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setChecked(true);
    if (passwordProblems(draft.password, draft.passwordRepeat).size > 0) return;
    const { login, password, name, email, language, role, groups } = draft;
    add.mutate({ login: login.trim(), password, name: name.trim(), email, language, role, groups });
  };
  return (
    <form
      className="panel form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${base}title`}
      autoComplete="off"
    >
      <h2 id={`${base}title`}>{t('settings.analysts.add')}</h2>
      <label>
        {t('settings.analysts.login')}
        <input
          value={draft.login}
          maxLength={40}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          aria-describedby={`${base}login-hint`}
          onChange={(e) => {
            edit({ login: e.target.value });
          }}
          {...invalid.login}
        />
        <FieldError errors={errors} path="login" id={idOf('login')} />
      </label>
      <small id={`${base}login-hint`} className="muted">
        {t('settings.analysts.loginHint')}
      </small>
      <AnalystFields draft={draft} onChange={edit} errors={errors} groups={groups} idOf={idOf} />
      <label>
        {t('settings.analysts.password')}
        <input
          type="password"
          value={draft.password}
          maxLength={200}
          autoComplete="new-password"
          aria-describedby={`${base}password-hint`}
          onChange={(e) => {
            edit({ password: e.target.value });
          }}
          {...invalid.password}
        />
        <FieldError errors={errors} path="password" id={idOf('password')} />
      </label>
      <small id={`${base}password-hint`} className="muted">
        {t('settings.analysts.passwordHint')}
      </small>
      <label>
        {t('settings.analysts.passwordRepeat')}
        <input
          type="password"
          value={draft.passwordRepeat}
          maxLength={200}
          autoComplete="new-password"
          onChange={(e) => {
            edit({ passwordRepeat: e.target.value });
          }}
          {...invalid.passwordRepeat}
        />
        <FieldError errors={errors} path="passwordRepeat" id={idOf('passwordRepeat')} />
      </label>
      <SaveBar
        save={add}
        errors={errors}
        label={t('settings.analysts.addButton')}
        saved={t('settings.analysts.added', { login: add.variables?.login ?? '' })}
      />
    </form>
  );
}

function EditAnalystForm({
  analyst,
  groups,
  onDone,
}: {
  analyst: AnalystAccount;
  groups: readonly TeamGroup[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const idOf = (field: string) => `${base}${field}-error`;
  const [draft, setDraft] = useState<AnalystDetails>({
    name: analyst.name,
    email: analyst.email,
    language: analyst.language,
    role: analyst.role,
    groups: analyst.groups,
  });
  const change = useApiMutation('desk.changeAnalyst', { onSuccess: onDone });
  const errors = analystFieldErrors(change.error);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    change.mutate({ ...draft, name: draft.name.trim(), login: analyst.login });
  };
  const title = t('settings.analysts.editTitle', { login: analyst.login });
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <AnalystFields
        draft={draft}
        onChange={(next) => {
          setDraft((current) => ({ ...current, ...next }));
        }}
        errors={errors}
        groups={groups}
        idOf={idOf}
      />
      <SaveBar save={change} errors={errors} />
      <button type="button" className="secondary" onClick={onDone}>
        {t('settings.analysts.cancel')}
      </button>
    </form>
  );
}

function DisableAnalyst({ analyst, onDone }: { analyst: AnalystAccount; onDone: () => void }) {
  const { t } = useTranslation();
  const disable = useApiMutation('desk.disableAnalyst', { onSuccess: onDone });
  return (
    <div
      className="confirm"
      role="group"
      aria-label={t('settings.analysts.disable', { login: analyst.login })}
    >
      <p>{t('settings.analysts.disableConfirm', { login: analyst.login, name: analyst.name })}</p>
      {disable.error && <ErrorMessage error={disable.error} />}
      <div className="actions">
        <button
          type="button"
          className="danger"
          disabled={disable.isPending}
          onClick={() => {
            disable.mutate({ login: analyst.login });
          }}
        >
          {t('settings.analysts.disableYes', { login: analyst.login })}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('settings.analysts.keep')}
        </button>
      </div>
    </div>
  );
}

const COLUMNS = 8;

function AnalystRow({
  analyst,
  groups,
  manage,
  self,
}: {
  analyst: AnalystAccount;
  groups: readonly TeamGroup[];
  manage: boolean;
  self: boolean;
}) {
  const { t } = useTranslation();
  const [action, setAction] = useState<'edit' | 'disable' | null>(null);
  const done = () => {
    setAction(null);
  };
  const groupName = (id: string) => groups.find((group) => group.id === id)?.name ?? id;
  return (
    <>
      <tr>
        <th scope="row">
          <code>{analyst.login}</code>
        </th>
        <td>{analyst.name}</td>
        <td>{analyst.email}</td>
        <td>{t(`languages.${analyst.language}`)}</td>
        <td>{t(`settings.analysts.roles.${analyst.role}`)}</td>
        <td>{analyst.groups.map(groupName).join(', ') || '—'}</td>
        <td>
          <span className={`badge ${analyst.disabled ? 'analyst-disabled' : 'analyst-enabled'}`}>
            {t(analyst.disabled ? 'settings.analysts.disabled' : 'settings.analysts.enabled')}
          </span>
        </td>
        {manage && (
          <td className="actions">
            {!analyst.disabled && (
              <>
                <button
                  type="button"
                  className="secondary"
                  aria-expanded={action === 'edit'}
                  onClick={() => {
                    setAction('edit');
                  }}
                >
                  {t('settings.analysts.edit', { login: analyst.login })}
                </button>
                {!self && (
                  <button
                    type="button"
                    className="secondary"
                    aria-expanded={action === 'disable'}
                    onClick={() => {
                      setAction('disable');
                    }}
                  >
                    {t('settings.analysts.disable', { login: analyst.login })}
                  </button>
                )}
              </>
            )}
          </td>
        )}
      </tr>
      {manage && action && (
        <tr>
          <td colSpan={COLUMNS}>
            {action === 'edit' ? (
              <EditAnalystForm analyst={analyst} groups={groups} onDone={done} />
            ) : (
              <DisableAnalyst analyst={analyst} onDone={done} />
            )}
          </td>
        </tr>
      )}
    </>
  );
}

/**
 * The desk's analysts on a shared PostgreSQL: everyone reads the list; an administrator adds
 * analysts, changes them and disables them (the database checks that they are one).
 */
export function AnalystsSettings({
  session,
  groups,
}: {
  session: DeskSession;
  groups: readonly TeamGroup[];
}) {
  const { t } = useTranslation();
  const analysts = useApiQuery('desk.analysts', {});
  const manage = managesAnalysts(session);
  return (
    <>
      <section className="panel" aria-labelledby="analysts-title">
        <h2 id="analysts-title">{t('settings.analysts.title')}</h2>
        <SignedIn session={session} />
        <p className="muted">
          {t(manage ? 'settings.analysts.intro' : 'settings.analysts.readOnly')}
        </p>
        {analysts.error && (
          <ErrorMessage error={analysts.error} onRetry={() => void analysts.refetch()} />
        )}
        {analysts.isPending && <p className="muted">{t('app.loading')}</p>}
        {analysts.data?.length === 0 && <p className="muted">{t('settings.analysts.none')}</p>}
        {analysts.data && analysts.data.length > 0 && (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('settings.analysts.login')}</th>
                <th scope="col">{t('settings.analysts.name')}</th>
                <th scope="col">{t('settings.analysts.email')}</th>
                <th scope="col">{t('settings.analysts.language')}</th>
                <th scope="col">{t('settings.analysts.role')}</th>
                <th scope="col">{t('settings.analysts.groups')}</th>
                <th scope="col">{t('settings.analysts.state')}</th>
                {manage && (
                  <th scope="col">
                    <span className="visually-hidden">{t('settings.groups.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {analysts.data.map((analyst) => (
                <AnalystRow
                  key={analyst.login}
                  analyst={analyst}
                  groups={groups}
                  manage={manage}
                  self={analyst.login === session.analyst}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
      {manage && <AddAnalystForm groups={groups} />}
    </>
  );
}
