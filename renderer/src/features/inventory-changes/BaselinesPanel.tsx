import { useTranslation } from 'react-i18next';
import type { BaselineScope, MachineBaselines, MachineModel } from '@deskside/core';
import type { ApiError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../i18n/format';

export const modelName = (model: MachineModel) =>
  [model.manufacturer, model.model].join(' ').trim();

/**
 * The machine's last known good inventory and its model's baseline: when each was set and by
 * whom, compared with in one click, cleared (a model's only by a lead or an administrator).
 */
export function BaselinesPanel({
  machineId,
  baselines,
  setBaseline,
  mayModel,
  onCompare,
}: {
  machineId: string;
  baselines: { data?: MachineBaselines | undefined; error: ApiError | null };
  setBaseline: ReturnType<typeof useApiMutation<'machines.setBaseline'>>;
  mayModel: boolean;
  onCompare: (scope: BaselineScope) => void;
}) {
  const { t, i18n } = useTranslation();
  const clearBaseline = useApiMutation('machines.clearBaseline');
  const model = baselines.data?.model ?? null;
  const busy = setBaseline.isPending || clearBaseline.isPending;
  return (
    <section className="panel" aria-label={t('inventoryChanges.baselines')}>
      <h3>{t('inventoryChanges.baselines')}</h3>
      {baselines.error && <ErrorMessage error={baselines.error} />}
      {baselines.data && (
        <ul className="baselines">
          <li>
            {baselines.data.machine
              ? t('inventoryChanges.machineBaseline', {
                  date: formatDateTime(baselines.data.machine.snapshot.takenAt, i18n.language),
                  name: baselines.data.machine.setBy,
                })
              : t('inventoryChanges.noMachineBaseline')}{' '}
            {baselines.data.machine && (
              <>
                <button
                  type="button"
                  onClick={() => {
                    onCompare('machine');
                  }}
                >
                  {t('inventoryChanges.compareMachine')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => {
                    clearBaseline.mutate({ scope: 'machine', id: machineId });
                  }}
                >
                  {t('inventoryChanges.clearMachine')}
                </button>
              </>
            )}
          </li>
          <li>
            {model === null
              ? t('inventoryChanges.noModel')
              : baselines.data.modelBaseline
                ? t('inventoryChanges.modelBaseline', {
                    model: modelName(model),
                    date: formatDateTime(
                      baselines.data.modelBaseline.snapshot.takenAt,
                      i18n.language,
                    ),
                    name: baselines.data.modelBaseline.setBy,
                  })
                : t('inventoryChanges.noModelBaseline', { model: modelName(model) })}{' '}
            {model && baselines.data.modelBaseline && (
              <>
                <button
                  type="button"
                  onClick={() => {
                    onCompare('model');
                  }}
                >
                  {t('inventoryChanges.compareModel')}
                </button>
                {mayModel && (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => {
                      clearBaseline.mutate({ scope: 'model', ...model });
                    }}
                  >
                    {t('inventoryChanges.clearModel')}
                  </button>
                )}
              </>
            )}
          </li>
        </ul>
      )}
      {setBaseline.error && <ErrorMessage error={setBaseline.error} />}
      {clearBaseline.error && <ErrorMessage error={clearBaseline.error} />}
      {setBaseline.isSuccess && (
        <p role="status">
          {setBaseline.data.scope === 'machine'
            ? t('inventoryChanges.machineBaselineSet')
            : t('inventoryChanges.modelBaselineSet', { model: modelName(setBaseline.data) })}
        </p>
      )}
    </section>
  );
}
