import { useTranslation } from 'react-i18next';
import { toCurrentInventory, type Inventory } from '@deskside/core';
import { Facts, Section } from '../../components/Facts';
import { formatBytes, formatDateTime, formatDuration, formatPercent } from '../../i18n/format';
import type { Formatters } from './format';
import { HardwareSections } from './HardwareSections';
import { SoftwareSections } from './SoftwareSections';
import { StateSections } from './StateSections';
import { Table } from './Table';

/**
 * An inventory document as readable sections, in the analyst's language and number format.
 * Documents of every schema version are shown; a section the document lacks is left out.
 */
export function InventorySections({ inventory: document }: { inventory: Inventory }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const inventory = toCurrentInventory(document);
  const f: Formatters = {
    t,
    locale,
    text: (value) => value || t('inventory.unknown'),
    yesNo: (value) =>
      value === null ? t('inventory.unknown') : value ? t('inventory.yes') : t('inventory.no'),
  };
  const bytes = (n: number) => formatBytes(n, locale);
  const { system, os, cpu, memory } = inventory;

  return (
    <div className="inventory">
      {inventory.problems.length > 0 && (
        <Section title={t('inventory.notRead')}>
          <ul>
            {inventory.problems.map((p) => (
              <li key={`${p.section}:${p.message}`}>
                {t(`inventory.problem.${p.reason}`, { section: t(`inventory.${p.section}`) })}{' '}
                {/* The agent's own words, in English: a detail for whoever fixes the machine. */}
                <span className="muted" lang="en">
                  ({p.message})
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {system && (
        <Section title={t('inventory.system')}>
          <Facts
            items={[
              [t('inventory.manufacturer'), f.text(system.manufacturer)],
              [t('inventory.model'), f.text(system.model)],
              [t('inventory.serial'), f.text(system.serial)],
              [t('inventory.uuid'), f.text(system.uuid)],
              [t('inventory.virtual'), f.yesNo(system.virtual)],
            ]}
          />
        </Section>
      )}
      {os && (
        <Section title={t('inventory.os')}>
          <Facts
            items={[
              [t('inventory.hostname'), f.text(os.hostname)],
              [t('inventory.distro'), f.text(os.distro)],
              [t('inventory.release'), f.text(os.release)],
              [t('inventory.build'), f.text(os.build)],
              [t('inventory.kernel'), f.text(os.kernel)],
              [t('inventory.arch'), f.text(os.arch)],
              [t('inventory.uptime'), formatDuration(os.uptimeSeconds, locale)],
              [t('inventory.lastBoot'), formatDateTime(os.lastBootAt, locale)],
            ]}
          />
        </Section>
      )}
      {cpu && (
        <Section title={t('inventory.cpu')}>
          <Facts
            items={[
              [t('inventory.manufacturer'), f.text(cpu.manufacturer)],
              [t('inventory.brand'), f.text(cpu.brand)],
              [t('inventory.cores'), `${cpu.physicalCores} / ${cpu.cores}`],
              [
                t('inventory.speed'),
                cpu.speedGHz
                  ? `${cpu.speedGHz.toLocaleString(locale)} GHz`
                  : t('inventory.unknown'),
              ],
              [
                t('inventory.load'),
                cpu.load ? formatPercent(cpu.load.percent, locale) : t('inventory.unknown'),
              ],
            ]}
          />
        </Section>
      )}
      {memory && (
        <Section title={t('inventory.memory')}>
          <Facts
            items={[
              [t('inventory.total'), bytes(memory.totalBytes)],
              [t('inventory.available'), bytes(memory.availableBytes)],
              [t('inventory.used'), bytes(memory.usedBytes)],
              [
                t('inventory.swap'),
                `${bytes(memory.swapUsedBytes)} / ${bytes(memory.swapTotalBytes)}`,
              ],
            ]}
          />
          {memory.modules.length > 0 && (
            <Table
              rows={memory.modules}
              rowKey={(m, i) => `${m.slot}#${i}`}
              empty={t('inventory.none')}
              columns={[
                [t('inventory.slot'), (m) => f.text(m.slot)],
                [t('inventory.size'), (m) => bytes(m.sizeBytes)],
                [t('inventory.type'), (m) => f.text(m.type)],
                [
                  t('inventory.speed'),
                  (m) => (m.speedMHz ? `${m.speedMHz} MHz` : t('inventory.unknown')),
                ],
                [t('inventory.manufacturer'), (m) => f.text(m.manufacturer)],
              ]}
            />
          )}
        </Section>
      )}
      <HardwareSections inventory={inventory} f={f} />
      <StateSections inventory={inventory} f={f} />
      <SoftwareSections inventory={inventory} f={f} />
    </div>
  );
}
