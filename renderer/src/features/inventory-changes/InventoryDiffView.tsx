import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  INVENTORY_DIFF_SECTIONS,
  type FieldChange,
  type InstalledProgram,
  type InventoryComparisonResult,
  type InventoryDiffSection,
  type InventoryDiffSections,
  type ItemChange,
  type NotComparable,
} from '@deskside/core';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { fieldLabel, itemKeyLabel, sectionLabel, sourceLabel } from './labels';

type Value = FieldChange['from'];

/** A fact's value in the page's language; sizes (fields named `…Bytes`) in KB, MB, GB. */
function formatValue(field: string, value: Value, t: TFunction, locale: string): string {
  if (value === null || value === '') return t('inventory.unknown');
  if (Array.isArray(value)) return value.length === 0 ? t('inventory.none') : value.join(', ');
  if (typeof value === 'boolean') return value ? t('inventory.yes') : t('inventory.no');
  if (typeof value === 'number') {
    return field.endsWith('Bytes') ? formatBytes(value, locale) : value.toLocaleString(locale);
  }
  return value;
}

/** A list item's name, from whichever identifying facts it has. */
function itemName(item: object, locale: string): string {
  const facts = item as Record<string, unknown>;
  const text = (key: string) => {
    const value = facts[key];
    return typeof value === 'string' ? value : '';
  };
  const name =
    text('name') ||
    text('mount') ||
    [text('vendor'), text('model')].join(' ').trim() ||
    text('slot');
  const extra = [text('version'), text('availableVersion'), text('device')].filter(Boolean);
  if (typeof facts.sizeBytes === 'number') extra.push(formatBytes(facts.sizeBytes, locale));
  return extra.length > 0 ? `${name || text('device')} (${extra.join(', ')})` : name;
}

/** Programs by name, each with its version. */
const programItems = (programs: readonly InstalledProgram[]) =>
  programs.map((p) => (
    <li key={`${p.name}:${p.architecture}`}>
      {p.name} <span className="muted">{p.version}</span>
    </li>
  ));

function FieldChanges({ changes }: { changes: readonly FieldChange[] }) {
  const { t, i18n } = useTranslation();
  if (changes.length === 0) return null;
  return (
    <ul className="diff-fields">
      {changes.map((change) => (
        <li key={change.field}>
          {t('inventoryChanges.fieldChange', {
            field: fieldLabel(change.field, t),
            from: formatValue(change.field, change.from, t, i18n.language),
            to: formatValue(change.field, change.to, t, i18n.language),
          })}
        </li>
      ))}
    </ul>
  );
}

/** Added, removed or updated things of one kind, under a heading, as a list. */
function Group({ title, children }: { title: string; children: ReactNode[] }) {
  if (children.length === 0) return null;
  return (
    <div className="diff-group">
      <h5>{title}</h5>
      <ul aria-label={title}>{children}</ul>
    </div>
  );
}

function ListChanges({
  section,
  added,
  removed,
  changed,
}: {
  section: string;
  added: readonly object[];
  removed: readonly object[];
  changed: readonly ItemChange[];
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <>
      <Group title={t('inventoryChanges.addedIn', { section })}>
        {added.map((item, i) => (
          <li key={i}>{itemName(item, locale)}</li>
        ))}
      </Group>
      <Group title={t('inventoryChanges.removedIn', { section })}>
        {removed.map((item, i) => (
          <li key={i}>{itemName(item, locale)}</li>
        ))}
      </Group>
      <Group title={t('inventoryChanges.changedIn', { section })}>
        {changed.map((item) => (
          <li key={item.key}>
            {itemKeyLabel(item.key, t)}
            <FieldChanges changes={item.changes} />
          </li>
        ))}
      </Group>
    </>
  );
}

function SectionBody({
  name,
  section,
}: {
  name: InventoryDiffSection;
  section: Exclude<InventoryDiffSections[InventoryDiffSection], NotComparable>;
}) {
  const { t } = useTranslation();
  const label = sectionLabel(name, t);
  switch (name) {
    case 'software': {
      const s = section as Extract<InventoryDiffSections['software'], { status: 'compared' }>;
      return (
        <>
          <Group title={t('inventoryChanges.addedIn', { section: label })}>
            {programItems(s.added)}
          </Group>
          <Group title={t('inventoryChanges.removedIn', { section: label })}>
            {programItems(s.removed)}
          </Group>
          <Group title={t('inventoryChanges.updatedIn', { section: label })}>
            {s.updated.map((p) => (
              <li key={`${p.name}:${p.architecture}`}>
                {p.name} {t('inventoryChanges.fromTo', { from: p.fromVersion, to: p.toVersion })}
              </li>
            ))}
          </Group>
        </>
      );
    }
    case 'memory': {
      const s = section as Extract<InventoryDiffSections['memory'], { status: 'compared' }>;
      return (
        <>
          <FieldChanges changes={s.changes} />
          <ListChanges
            section={label}
            added={s.modulesAdded}
            removed={s.modulesRemoved}
            changed={[]}
          />
        </>
      );
    }
    case 'network': {
      const s = section as Extract<InventoryDiffSections['network'], { status: 'compared' }>;
      return (
        <>
          <FieldChanges changes={s.changes} />
          <ListChanges section={label} {...s.interfaces} />
        </>
      );
    }
    case 'disks':
    case 'fileSystems':
    case 'graphics':
    case 'printers':
    case 'updates': {
      const s = section as { added: object[]; removed: object[]; changed: ItemChange[] } & {
        changes?: FieldChange[];
      };
      return (
        <>
          {s.changes && <FieldChanges changes={s.changes} />}
          <ListChanges section={label} added={s.added} removed={s.removed} changed={s.changed} />
        </>
      );
    }
    default:
      return <FieldChanges changes={(section as { changes: FieldChange[] }).changes} />;
  }
}

/**
 * What changed between two kept inventories, section by section: software added, removed and
 * updated with versions; OS, drivers, network, disks, file systems and hardware facts from
 * their old to their new value. A section one inventory lacks is said to be not comparable,
 * never shown as everything removed; sections without a change are named in one line.
 */
export function InventoryDiffView({ comparison }: { comparison: InventoryComparisonResult }) {
  const { t, i18n } = useTranslation();
  const { from, to, diff } = comparison;
  const changed = INVENTORY_DIFF_SECTIONS.filter((name) => (diff.summary.sections[name] ?? 1) > 0);
  const unchanged = INVENTORY_DIFF_SECTIONS.filter((name) => diff.summary.sections[name] === 0);
  const when = (summary: typeof from) =>
    t('inventoryChanges.kept', {
      date: formatDateTime(summary.takenAt, i18n.language),
      source: sourceLabel(summary.source, t),
      name: summary.takenBy,
    });
  return (
    <div className="inventory-diff">
      <p>
        {t('inventoryChanges.between', { from: when(from), to: when(to) })}{' '}
        <strong>{t('inventoryChanges.total', { count: diff.summary.total })}</strong>
      </p>
      {changed.map((name) => {
        const section = diff.sections[name];
        const label = sectionLabel(name, t);
        return (
          <section key={name} className="diff-section" aria-label={label}>
            <h4>
              {label}
              {section.status === 'compared' && (
                <span className="muted">
                  {' '}
                  {t('inventoryChanges.count', { count: diff.summary.sections[name] ?? 0 })}
                </span>
              )}
            </h4>
            {section.status === 'not_comparable' ? (
              <p className="muted">{t(`inventoryChanges.notComparable.${section.missingIn}`)}</p>
            ) : (
              <SectionBody name={name} section={section} />
            )}
          </section>
        );
      })}
      {unchanged.length > 0 && (
        <p className="muted">
          {t('inventoryChanges.unchanged', {
            sections: unchanged.map((name) => sectionLabel(name, t)).join(', '),
          })}
        </p>
      )}
    </div>
  );
}
