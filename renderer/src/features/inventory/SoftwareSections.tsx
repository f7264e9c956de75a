import { useState } from 'react';
import { findInstalledPrograms, type InventoryV2 } from '@deskside/core';
import { Facts, Section } from '../../components/Facts';
import { formatDateTime } from '../../i18n/format';
import type { Formatters } from './format';
import { Table } from './Table';

const SHOWN = 100;

/** Installed software (searchable) and pending OS updates. */
export function SoftwareSections({ inventory, f }: { inventory: InventoryV2; f: Formatters }) {
  const { t, locale, text } = f;
  const [query, setQuery] = useState('');
  const { software, updates } = inventory;
  const matching = software
    ? query.trim()
      ? findInstalledPrograms(software, query)
      : software.programs
    : [];
  return (
    <>
      {software && (
        <Section title={t('inventory.software')}>
          <p>{t('inventory.programCount', { count: software.programs.length })}</p>
          <label className="field">
            {t('inventory.findProgram')}
            <input
              type="search"
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
              }}
            />
          </label>
          <Table
            rows={matching.slice(0, SHOWN)}
            rowKey={(p, i) => `${p.name}@${p.version}#${i}`}
            empty={t('inventory.noPrograms')}
            columns={[
              [t('inventory.name'), (p) => p.name],
              [t('inventory.version'), (p) => text(p.version)],
              [t('inventory.publisher'), (p) => text(p.publisher)],
            ]}
          />
          {matching.length > SHOWN && (
            <p className="muted">
              {t('inventory.moreProgramsHint', { count: matching.length - SHOWN })}
            </p>
          )}
        </Section>
      )}
      {updates && (
        <Section title={t('inventory.updates')}>
          <Facts
            items={[
              [t('inventory.pending'), String(updates.updates.length)],
              [
                t('inventory.securityUpdates'),
                String(updates.updates.filter((u) => u.security).length),
              ],
              [t('inventory.restartRequired'), f.yesNo(updates.rebootRequired)],
              [
                t('inventory.catalogCheckedAt'),
                updates.catalogCheckedAt
                  ? formatDateTime(updates.catalogCheckedAt, locale)
                  : t('inventory.unknown'),
              ],
            ]}
          />
          {updates.updates.length > 0 && (
            <details>
              <summary>{t('inventory.showUpdates')}</summary>
              <Table
                rows={updates.updates}
                rowKey={(u, i) => `${u.name}#${i}`}
                empty={t('inventory.none')}
                columns={[
                  [t('inventory.name'), (u) => u.name],
                  [t('inventory.availableVersion'), (u) => text(u.availableVersion)],
                  [t('inventory.security'), (u) => f.yesNo(u.security)],
                ]}
              />
            </details>
          )}
        </Section>
      )}
    </>
  );
}
