import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { machineLabel } from '../machines/labels';
import { SelectField, TextField } from '../ticket-page/Fields';
import type { PersonDraft, PersonProblems } from './person-draft';

type Machines = PersonDraft['machines'];

const NO_RECORD = '';

/**
 * The person's machines: what they call each one, and the console's record of it when the
 * machine has been added to the console.
 */
export function MachinesField({
  machines,
  problems,
  onChange,
}: {
  machines: Machines;
  problems: PersonProblems;
  onChange: (machines: Machines) => void;
}) {
  const { t } = useTranslation();
  const known = useApiQuery('machines.list', {});
  const records = known.data ?? [];
  const recordName = (id: string) => {
    if (id === NO_RECORD) return t('people.machines.noRecord');
    const record = records.find((m) => m.id === id);
    return record ? machineLabel(record, t) : id;
  };
  const change = (index: number, row: Partial<Machines[number]>) => {
    onChange(machines.map((m, i) => (i === index ? { ...m, ...row } : m)));
  };
  return (
    <fieldset className="person-machines">
      <legend>{t('people.machines.title')}</legend>
      {machines.length === 0 && <p className="muted">{t('people.machines.none')}</p>}
      {machines.map((machine, index) => {
        const number = index + 1;
        // A record the console no longer lists stays choosable, so nothing changes unasked.
        const options = [NO_RECORD, ...records.map((m) => m.id)];
        if (!options.includes(machine.machineId)) options.push(machine.machineId);
        return (
          <div key={index} className="form inline person-machine">
            <TextField
              label={t('people.machines.name', { number })}
              value={machine.name}
              problem={problems[`machines.${index}.name`]}
              onChange={(name) => {
                change(index, { name });
              }}
            />
            <SelectField
              label={t('people.machines.record', { number })}
              value={machine.machineId}
              options={options}
              optionLabel={recordName}
              onChange={(machineId) => {
                change(index, { machineId });
              }}
            />
            <button
              type="button"
              className="secondary"
              onClick={() => {
                onChange(machines.filter((_, i) => i !== index));
              }}
            >
              {t('people.machines.remove', { number })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="secondary"
        onClick={() => {
          onChange([...machines, { name: '', machineId: NO_RECORD }]);
        }}
      >
        {t('people.machines.add')}
      </button>
    </fieldset>
  );
}
