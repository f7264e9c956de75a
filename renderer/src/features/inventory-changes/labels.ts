import type { TFunction } from 'i18next';
import type {
  InventoryDiffField,
  InventoryDiffSection,
  InventoryDiffSummary,
  InventorySource,
} from '@deskside/core';
import { INVENTORY_DIFF_FIELDS, INVENTORY_DIFF_SECTIONS } from '@deskside/core';

/** A diff section's name as the inventory page calls it. */
export function sectionLabel(name: InventoryDiffSection, t: TFunction): string {
  switch (name) {
    case 'network':
      return t('inventoryChanges.network');
    case 'graphics':
      return t('inventoryChanges.graphics');
    default:
      return t(`inventory.${name}`);
  }
}

export const sourceLabel = (source: InventorySource, t: TFunction): string =>
  t(`inventoryChanges.source.${source}`);

/** "Software (3), Operating system (1)": the sections that changed, with their counts. */
export function changedSections(summary: InventoryDiffSummary, t: TFunction): string {
  return INVENTORY_DIFF_SECTIONS.flatMap((name) => {
    const count = summary.sections[name];
    return count
      ? [t('inventoryChanges.sectionCount', { section: sectionLabel(name, t), count })]
      : [];
  }).join(', ');
}

const DIFF_FIELDS: ReadonlySet<string> = new Set(INVENTORY_DIFF_FIELDS);

/**
 * A changed fact's name in the page's language ("DNS servers", not `dnsServers`); a name
 * this console does not know (a diff kept by a newer one) is shown as it was recorded.
 */
export function fieldLabel(field: string, t: TFunction): string {
  return DIFF_FIELDS.has(field)
    ? t(`inventoryChanges.field.${field as InventoryDiffField}`)
    : field;
}

/**
 * The name of a changed item as the diff keys it: a disk with a serial number is keyed
 * `serial:<number>`, said here as "Serial number <number>" in the page's language.
 */
export function itemKeyLabel(key: string, t: TFunction): string {
  const serial = /^serial:(.*)$/s.exec(key);
  return serial ? `${t('inventoryChanges.field.serial')} ${serial[1]}` : key;
}
