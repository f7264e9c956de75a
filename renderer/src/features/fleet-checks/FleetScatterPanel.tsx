import { useMemo, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FleetAgentOutcome, FleetSelection, RunMachineChecksInput } from '@deskside/core';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { Checkbox } from '../../components/Checkbox';
import { ErrorMessage } from '../../components/ErrorMessage';
import { initialValues, paramFields, paramProblems, paramsFromValues } from '../checks/param-form';
import { checkName } from '../checks/result-text';
import { checksFor } from '../checks/transport-checks';

const KINDS = ['all', 'department', 'model', 'tag'] as const;
type Kind = (typeof KINDS)[number];
/** While it runs, read again this often (its `fleet.scatter` events refresh it sooner). */
const RUNNING_REFRESH_MS = 1_000;

function selectionOf(kind: Kind, value: string): FleetSelection {
  switch (kind) {
    case 'all':
      return { kind };
    case 'department':
      return { kind, department: value };
    case 'model':
      return { kind, model: value };
    case 'tag':
      return { kind, tag: value };
  }
}

/** How many of an agent's results passed, warned and failed. */
function summary(outcome: FleetAgentOutcome): Record<'pass' | 'warn' | 'fail', number> {
  const counts = { pass: 0, warn: 0, fail: 0 };
  for (const item of outcome.run?.checks ?? []) {
    const status = item.result?.status;
    if (status === 'pass' || status === 'warn' || status === 'fail') counts[status]++;
  }
  return counts;
}

/**
 * Checks on a selection of fleet machines at once (every one, a department's, a model's, or
 * those whose name starts with a tag): live progress, each machine's outcome as it comes,
 * and a way to stop waiting for the rest.
 */
export function FleetScatterPanel({ machineNames }: { machineNames: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const catalog = useApiQuery('checks.catalog', {});
  const [kind, setKind] = useState<Kind>('all');
  const [value, setValue] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [problem, setProblem] = useState<'chooseOne' | 'valueNeeded' | null>(null);
  const start = useApiMutation('machines.fleetScatterStart');
  const cancel = useApiMutation('machines.fleetScatterCancel');
  const id = start.data?.id ?? '';
  const followed = useApiQuery(
    'machines.fleetScatter',
    { id },
    { enabled: id !== '', refetchEveryMs: RUNNING_REFRESH_MS },
  );
  const scatter = followed.data ?? start.data;
  const running = start.isPending || scatter?.state === 'running';

  // Checks an agent runs that need no settings of the analyst's (their defaults will do).
  const offered = useMemo(
    () =>
      checksFor(catalog.data?.checks ?? [], 'agent-https').filter(
        (entry) =>
          Object.keys(
            paramProblems(
              entry.id,
              paramsFromValues(paramFields(entry), initialValues(paramFields(entry))),
            ),
          ).length === 0,
      ),
    [catalog.data],
  );

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const wrong =
      chosen.length === 0
        ? 'chooseOne'
        : kind !== 'all' && value.trim() === ''
          ? 'valueNeeded'
          : null;
    setProblem(wrong);
    if (wrong) return;
    const checks = chosen.flatMap((checkId) => {
      const entry = offered.find((e) => e.id === checkId);
      if (!entry) return [];
      const fields = paramFields(entry);
      return [
        {
          checkId,
          params: paramsFromValues(fields, initialValues(fields)),
        } as RunMachineChecksInput['checks'][number],
      ];
    });
    cancel.reset();
    start.mutate({ selection: selectionOf(kind, value.trim()), checks });
  };

  if (catalog.error) return <ErrorMessage error={catalog.error} />;
  if (!catalog.data) return null;
  const answered = scatter?.outcomes.length ?? 0;
  const asked = scatter?.machineIds.length ?? 0;

  return (
    <section className="panel" aria-labelledby="fleet-scatter-title">
      <h2 id="fleet-scatter-title">{t('fleetChecks.scatter.title')}</h2>
      <p className="muted">{t('fleetChecks.scatter.intro')}</p>
      <form className="form" onSubmit={submit} aria-label={t('fleetChecks.scatter.title')}>
        <label>
          {t('fleetChecks.scatter.selectBy')}
          <select
            value={kind}
            disabled={running}
            onChange={(e) => {
              setKind(e.target.value as Kind);
            }}
          >
            {KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`fleetChecks.scatter.kind.${option}`)}
              </option>
            ))}
          </select>
        </label>
        {kind !== 'all' && (
          <label>
            {t(`fleetChecks.scatter.value.${kind}`)}
            <input
              value={value}
              disabled={running}
              onChange={(e) => {
                setValue(e.target.value);
              }}
            />
          </label>
        )}
        <fieldset className="check-choices">
          <legend>{t('checks.choose')}</legend>
          {offered.map((entry) => (
            <Checkbox
              key={entry.id}
              checked={chosen.includes(entry.id)}
              disabled={running}
              onChange={(on) => {
                setChosen((current) =>
                  on ? [...current, entry.id] : current.filter((c) => c !== entry.id),
                );
              }}
            >
              {checkName(t, entry.id)}
            </Checkbox>
          ))}
        </fieldset>
        {problem && (
          <p role="alert" className="field-problem">
            {t(`fleetChecks.scatter.${problem}`)}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={running}>
            {t('fleetChecks.scatter.run')}
          </button>
          {scatter?.state === 'running' && (
            <button
              type="button"
              disabled={cancel.isPending}
              onClick={() => {
                cancel.mutate({ id: scatter.id });
              }}
            >
              {t('fleetChecks.scatter.cancel')}
            </button>
          )}
        </div>
      </form>
      {start.error && <ErrorMessage error={start.error} />}
      {cancel.error && <ErrorMessage error={cancel.error} />}
      {scatter && (
        <>
          <div className="check-progress">
            <progress value={answered} max={asked} aria-label={t('fleetChecks.scatter.progress')} />
            <span role="status">
              {t(`fleetChecks.scatter.state.${scatter.state}`, { answered, asked })}
            </span>
          </div>
          <table className="table" aria-label={t('fleetChecks.scatter.outcomes')}>
            <thead>
              <tr>
                <th scope="col">{t('fleetChecks.scatter.machine')}</th>
                <th scope="col">{t('fleetChecks.scatter.outcome')}</th>
                <th scope="col">{t('fleetChecks.scatter.results')}</th>
              </tr>
            </thead>
            <tbody>
              {scatter.outcomes.map((outcome) => {
                const counts = summary(outcome);
                return (
                  <tr key={outcome.agentId}>
                    <td>{machineNames.get(outcome.agentId) ?? outcome.agentId}</td>
                    <td>{t(`fleetChecks.scatter.agent.${outcome.state}`)}</td>
                    <td>
                      {outcome.run
                        ? t('fleetChecks.scatter.counts', counts)
                        : (outcome.refusal?.message ?? '')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
