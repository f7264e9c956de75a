import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Person } from '@deskside/core';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { ErrorMessage } from '../components/ErrorMessage';
import { callersMachine, scriptsByCategory } from '../features/intake/call-setup';
import { CallerPicker } from '../features/intake/CallerPicker';
import { apiLanguage } from '../features/intake/language';
import { KbSuggestions } from '../features/kb/KbSuggestions';
import { useChosenArticles } from '../features/kb/use-chosen-articles';
import { machineLabel } from '../features/machines/labels';

/** Where a call starts: who calls, from which machine, about what. */
export function IntakePage() {
  const { t, i18n } = useTranslation();
  const language = apiLanguage(i18n.language);
  const navigate = useNavigate();
  const scripts = useApiQuery('intake.scripts', {});
  const machines = useApiQuery('machines.list', {});
  const [person, setPerson] = useState<Person | null>(null);
  const [otherName, setOtherName] = useState('');
  const [machineId, setMachineId] = useState('');
  const [scriptId, setScriptId] = useState('');
  const [summary, setSummary] = useState<string | null>(null);
  const [needCaller, setNeedCaller] = useState(false);
  const ids = { other: useId(), machine: useId(), script: useId(), summary: useId() };
  const articles = useChosenArticles();
  const start = useApiMutation('intake.start', {
    onSuccess: async (state) => {
      await articles.linkTo(state.ticket.id);
      void navigate(`/intake/${state.ticket.id}`);
    },
  });

  const known = new Set((machines.data ?? []).map((machine) => machine.id));
  const script = scripts.data?.find((candidate) => candidate.id === scriptId);
  // The script's title until the analyst writes their own.
  const shownSummary = summary ?? script?.title[language] ?? '';

  const choose = (chosen: Person | null) => {
    setPerson(chosen);
    setNeedCaller(false);
    const theirs = callersMachine(chosen, known);
    if (theirs) setMachineId(theirs);
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!person && !otherName.trim()) {
      setNeedCaller(true);
      return;
    }
    start.mutate({
      scriptId,
      requesterId: person?.id ?? null,
      ...(person ? {} : { requester: otherName }),
      machineId: machineId || null,
      summary: shownSummary,
      language,
    });
  };

  const theirs = callersMachine(person, known);
  return (
    <main>
      <header className="page-header">
        <h1>{t('intake.title')}</h1>
      </header>
      <p className="muted">{t('intake.intro')}</p>
      {scripts.error && <ErrorMessage error={scripts.error} />}
      {machines.error && <ErrorMessage error={machines.error} />}
      <form className="panel form intake-start" onSubmit={submit} aria-label={t('intake.title')}>
        <fieldset>
          <legend>{t('intake.caller')}</legend>
          <CallerPicker person={person} onChoose={choose} />
          {!person && (
            <>
              <label htmlFor={ids.other}>{t('intake.notListed')}</label>
              <input
                id={ids.other}
                value={otherName}
                maxLength={200}
                onChange={(e) => {
                  setOtherName(e.target.value);
                  setNeedCaller(false);
                }}
              />
            </>
          )}
          {needCaller && (
            <p role="alert" className="field-problem">
              {t('intake.needCaller')}
            </p>
          )}
        </fieldset>
        <label htmlFor={ids.machine}>{t('intake.machine')}</label>
        <select
          id={ids.machine}
          value={machineId}
          onChange={(e) => {
            setMachineId(e.target.value);
          }}
        >
          <option value="">{t('intake.noMachine')}</option>
          {(machines.data ?? []).map((machine) => (
            <option key={machine.id} value={machine.id}>
              {machine.id === theirs
                ? t('intake.callersMachine', { name: machineLabel(machine, t) })
                : machineLabel(machine, t)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.script}>{t('intake.script')}</label>
        <select
          id={ids.script}
          value={scriptId}
          required
          onChange={(e) => {
            setScriptId(e.target.value);
          }}
        >
          <option value="">{t('intake.chooseScript')}</option>
          {scriptsByCategory(scripts.data ?? []).map(([category, group]) => (
            <optgroup
              key={category}
              label={t(`intake.category.${category}`, { defaultValue: category })}
            >
              {group.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.title[language]}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {script && <p className="muted">{script.description[language]}</p>}
        <label htmlFor={ids.summary}>{t('intake.summary')}</label>
        <input
          id={ids.summary}
          value={shownSummary}
          required
          maxLength={200}
          onChange={(e) => {
            setSummary(e.target.value);
          }}
        />
        <KbSuggestions
          text={shownSummary}
          chosen={articles.articleIds}
          onToggle={articles.toggle}
        />
        {start.error && <ErrorMessage error={start.error} />}
        <div className="actions">
          <button type="submit" disabled={start.isPending || !scriptId}>
            {start.isPending ? t('intake.starting') : t('intake.start')}
          </button>
        </div>
      </form>
    </main>
  );
}
