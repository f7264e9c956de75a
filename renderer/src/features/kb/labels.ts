import type { TFunction } from 'i18next';
import { categoryIds, type CategoryNode } from '@deskside/core';

/**
 * "Printer › Paper jam": each level's translated name; a category the desk added itself
 * (not translated) shows its own id.
 */
export function categoryLabel(t: TFunction, id: string): string {
  const segments = id.split('/');
  return segments
    .map((segment, i) => {
      const path = segments.slice(0, i + 1).join('/');
      return t(`kb.categories.${path}`, { defaultValue: segment });
    })
    .join(' › ');
}

/** The desk's categories as select options, parents before their children. */
export function categoryOptions(t: TFunction, tree: readonly CategoryNode[]) {
  return categoryIds(tree).map((id) => ({ id, label: categoryLabel(t, id) }));
}
