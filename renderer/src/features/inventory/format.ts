import type { TFunction } from 'i18next';

/** Formatting shared by the inventory sections, in the analyst's language. */
export interface Formatters {
  t: TFunction;
  locale: string;
  /** A text fact, or the "unknown" mark when the machine did not say. */
  text: (value: string | null | undefined) => string;
  yesNo: (value: boolean | null) => string;
}
