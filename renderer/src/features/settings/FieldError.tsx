import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './field-errors';

/** The message for one refused field, placed under it; `id` ties it to the field. */
export function FieldError({
  errors,
  path,
  id,
}: {
  errors: FieldErrors;
  path: string;
  id: string;
}) {
  const { t } = useTranslation();
  const key = errors.get(path);
  if (!key) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {t(key)}
    </span>
  );
}

/** The attributes a field gets while its value is refused. */
export function invalidProps(errors: FieldErrors, path: string, id: string) {
  return errors.has(path) ? { 'aria-invalid': true, 'aria-describedby': id } : {};
}
