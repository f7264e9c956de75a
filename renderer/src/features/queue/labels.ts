import type { TFunction } from 'i18next';
import type { TeamGroup } from '@deskside/core';

/** "Printer › Paper jam": each level's name in the UI language, its id where none is known. */
export function categoryLabel(id: string, t: TFunction): string {
  const segments = id.split('/');
  return segments
    .map((segment, index) =>
      t(`queue.categories.${segments.slice(0, index + 1).join('/')}`, { defaultValue: segment }),
    )
    .join(' › ');
}

/** A group's name as the desk configured it, its id for a group since removed. */
export function groupName(groups: readonly TeamGroup[], id: string): string {
  return groups.find((group) => group.id === id)?.name ?? id;
}
