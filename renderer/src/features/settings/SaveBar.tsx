import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { FieldErrors } from './field-errors';

/**
 * The end of a settings form: what went wrong that no field shows, a note that fields need
 * attention, or that the change was saved; and the save button.
 */
export function SaveBar({
  save,
  errors,
  label,
  saved,
}: {
  save: { error: unknown; isSuccess: boolean; isPending: boolean };
  errors: FieldErrors;
  /** The button's words, when "Save" does not say what it does. */
  label?: string;
  /** What is said once it is done, when "Saved." is not enough. */
  saved?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="save-bar">
      {save.error !== null && errors.size === 0 && <ErrorMessage error={save.error} />}
      {save.error !== null && errors.size > 0 && (
        <p role="alert" className="field-error">
          {t('settings.notSaved')}
        </p>
      )}
      {save.isSuccess && <p role="status">{saved ?? t('settings.saved')}</p>}
      <button type="submit" disabled={save.isPending}>
        {label ?? t('settings.save')}
      </button>
    </div>
  );
}
