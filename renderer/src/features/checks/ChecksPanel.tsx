import { useMemo, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckCatalogEntry, Machine, RunMachineChecksInput } from '@deskside/core';
import { useApi, useApiMutation, useApiQuery } from '../../api/hooks';
import { Checkbox } from '../../components/Checkbox';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TicketPicker } from '../ticket-picker/TicketPicker';
import { CheckRunView } from './CheckResults';
import { ParamFields } from './ParamFields';
import { initialValues, paramFields, paramProblems, paramsFromValues } from './param-form';
import { checkName } from './result-text';
import { checksFor } from './transport-checks';
import { FleetRunAnswer } from '../fleet-checks/FleetRunAnswer';
import { useCheckRun } from './useCheckRun';

type Problems = Record<string, Record<string, 'required' | 'invalid'>>;

/**
 * Choose checks from the catalog (those that run over the machine's transport), set their
 * parameters, run them, watch them, attach them. A fleet machine's checks go over NATS:
 * asked when it is online, queued until it is back when it is away (`fleet`).
 */
export function ChecksPanel({
  machineId,
  transport,
  fleet = false,
}: {
  machineId: string;
  transport: Machine['transport'];
  fleet?: boolean;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const catalog = useApiQuery('checks.catalog', {});
  const [chosen, setChosen] = useState<string[]>([]);
  const [values, setValues] = useState<Record<string, Record<string, string>>>({});
  const [problems, setProblems] = useState<Problems>({});
  const [noneChosen, setNoneChosen] = useState(false);
  const { run, error, starting, start, cancel } = useCheckRun();
  const attach = useApiMutation('tickets.attachCheckRun');
  const overNats = useApiMutation('machines.fleetRunChecks');

  const offered = useMemo(
    () => checksFor(catalog.data?.checks ?? [], transport),
    [catalog.data, transport],
  );
  const entries = useMemo(() => new Map(offered.map((entry) => [entry.id, entry])), [offered]);
  const fieldsOf = (entry: CheckCatalogEntry) => paramFields(entry);

  const toggle = (entry: CheckCatalogEntry, on: boolean) => {
    setNoneChosen(false);
    setChosen((current) => (on ? [...current, entry.id] : current.filter((id) => id !== entry.id)));
    if (on && !values[entry.id]) {
      setValues((current) => ({ ...current, [entry.id]: initialValues(fieldsOf(entry)) }));
    }
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setNoneChosen(true);
      return;
    }
    const checks: RunMachineChecksInput['checks'] = [];
    const found: Problems = {};
    for (const id of chosen) {
      const entry = entries.get(id);
      if (!entry) continue;
      const params = paramsFromValues(fieldsOf(entry), values[id] ?? {});
      const wrong = paramProblems(id, params);
      if (Object.keys(wrong).length > 0) found[id] = wrong;
      // Each request is checked again, by the same schema, where it is received.
      checks.push({ checkId: id, params } as RunMachineChecksInput['checks'][number]);
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    attach.reset();
    if (fleet) {
      overNats.mutate({ machineId, checks });
      return;
    }
    void start(() => api.call('machines.startChecks', { id: machineId, checks }));
  };

  if (catalog.error) return <ErrorMessage error={catalog.error} />;
  if (!catalog.data) return null;
  const running = starting || run?.state === 'running' || overNats.isPending;
  // A fleet machine's run answered over NATS is attached like a run started here.
  const ended = fleet ? (overNats.data?.via === 'asked' ? overNats.data.outcome.run : null) : run;
  const attachable =
    ended &&
    (ended.state === 'done' || ended.state === 'cancelled') &&
    ended.checks.some((c) => c.result);

  return (
    <section className="panel checks-panel" aria-labelledby="checks-title">
      <h2 id="checks-title">{t('checks.title')}</h2>
      <p className="muted">{t('checks.intro')}</p>
      {offered.length === 0 ? (
        <p>{t('checks.noneOver', { transport: t(`transport.${transport}`) })}</p>
      ) : (
        <form className="form" onSubmit={submit} aria-label={t('checks.title')}>
          <fieldset className="check-choices">
            <legend>{t('checks.choose')}</legend>
            {offered.map((entry) => (
              <Checkbox
                key={entry.id}
                checked={chosen.includes(entry.id)}
                disabled={running}
                onChange={(checked) => {
                  toggle(entry, checked);
                }}
              >
                {checkName(t, entry.id)}
              </Checkbox>
            ))}
          </fieldset>
          {chosen.flatMap((id) => {
            const entry = entries.get(id);
            const fields = entry ? fieldsOf(entry) : [];
            if (fields.length === 0) return [];
            return [
              <fieldset key={id} className="check-params" disabled={running}>
                <legend>{t('checks.settingsOf', { check: checkName(t, id) })}</legend>
                <ParamFields
                  checkId={id}
                  fields={fields}
                  values={values[id] ?? {}}
                  problems={problems[id] ?? {}}
                  onChange={(name, value) => {
                    setValues((current) => ({
                      ...current,
                      [id]: { ...current[id], [name]: value },
                    }));
                  }}
                />
              </fieldset>,
            ];
          })}
          {noneChosen && (
            <p role="alert" className="field-problem">
              {t('checks.chooseOne')}
            </p>
          )}
          <div className="actions">
            <button type="submit" disabled={running}>
              {starting ? t('checks.starting') : t('checks.run')}
            </button>
          </div>
        </form>
      )}
      {error && <ErrorMessage error={error} />}
      {fleet && <FleetRunAnswer mutation={overNats} />}
      {run && <CheckRunView run={run} onCancel={() => void cancel()} />}
      {attachable && (
        <TicketPicker
          title={t('checks.attach.title')}
          submitLabel={t('checks.attach.submit')}
          pending={attach.isPending}
          error={attach.error}
          attachedTo={attach.data?.ticketId ?? null}
          onAttach={(ticketId) => {
            attach.mutate({ ticketId, runId: ended.runId });
          }}
        />
      )}
    </section>
  );
}
