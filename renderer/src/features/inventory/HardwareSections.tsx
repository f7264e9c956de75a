import type { InventoryV2 } from '@deskside/core';
import { Facts, Section } from '../../components/Facts';
import { formatBytes, formatPercent } from '../../i18n/format';
import type { Formatters } from './format';
import { Table } from './Table';

/** BIOS, baseboard, memory modules, disks, graphics and displays, USB devices. */
export function HardwareSections({ inventory, f }: { inventory: InventoryV2; f: Formatters }) {
  const { t, locale, text } = f;
  const bytes = (n: number | null) =>
    n === null ? t('inventory.unknown') : formatBytes(n, locale);
  const { bios, baseboard, graphics } = inventory;
  return (
    <>
      {bios && (
        <Section title={t('inventory.bios')}>
          <Facts
            items={[
              [t('inventory.vendor'), text(bios.vendor)],
              [t('inventory.version'), text(bios.version)],
              [t('inventory.releaseDate'), text(bios.releaseDate)],
            ]}
          />
        </Section>
      )}
      {baseboard && (
        <Section title={t('inventory.baseboard')}>
          <Facts
            items={[
              [t('inventory.manufacturer'), text(baseboard.manufacturer)],
              [t('inventory.model'), text(baseboard.model)],
              [t('inventory.serial'), text(baseboard.serial)],
              [t('inventory.assetTag'), text(baseboard.assetTag)],
            ]}
          />
        </Section>
      )}
      {inventory.disks && (
        <Section title={t('inventory.disks')}>
          <Table
            rows={inventory.disks}
            rowKey={(d) => d.device}
            empty={t('inventory.none')}
            columns={[
              [t('inventory.device'), (d) => text(d.device)],
              [t('inventory.model'), (d) => text([d.vendor, d.name].filter(Boolean).join(' '))],
              [
                t('inventory.type'),
                (d) => text([d.type, d.interfaceType].filter(Boolean).join(' · ')),
              ],
              [t('inventory.size'), (d) => bytes(d.sizeBytes)],
              [t('inventory.serial'), (d) => text(d.serial)],
              [t('inventory.smart'), (d) => text(d.smartStatus)],
            ]}
          />
        </Section>
      )}
      {inventory.fileSystems && (
        <Section title={t('inventory.fileSystems')}>
          <Table
            rows={inventory.fileSystems}
            rowKey={(fs) => `${fs.device}@${fs.mount}`}
            empty={t('inventory.none')}
            columns={[
              [t('inventory.mount'), (fs) => fs.mount],
              [t('inventory.device'), (fs) => text(fs.device)],
              [t('inventory.type'), (fs) => text(fs.type)],
              [t('inventory.size'), (fs) => bytes(fs.sizeBytes)],
              [t('inventory.free'), (fs) => bytes(fs.availableBytes)],
              [
                t('inventory.usage'),
                (fs) =>
                  fs.usePercent === null
                    ? t('inventory.unknown')
                    : formatPercent(fs.usePercent, locale),
              ],
            ]}
          />
        </Section>
      )}
      {graphics && (
        <Section title={t('inventory.graphics')}>
          <Table
            rows={graphics.controllers}
            rowKey={(c, i) => `${c.model}#${i}`}
            empty={t('inventory.none')}
            columns={[
              [t('inventory.model'), (c) => text([c.vendor, c.model].filter(Boolean).join(' '))],
              [t('inventory.videoMemory'), (c) => bytes(c.vramBytes)],
              [t('inventory.driver'), (c) => text(c.driverVersion)],
            ]}
          />
          {graphics.displays.length > 0 && (
            <Table
              rows={graphics.displays}
              rowKey={(d, i) => `${d.model}#${i}`}
              empty={t('inventory.none')}
              columns={[
                [
                  t('inventory.display'),
                  (d) => text([d.vendor, d.model].filter(Boolean).join(' ')),
                ],
                [
                  t('inventory.resolution'),
                  (d) =>
                    d.resolutionX && d.resolutionY
                      ? `${d.resolutionX} × ${d.resolutionY}`
                      : t('inventory.unknown'),
                ],
                [
                  t('inventory.connection'),
                  (d) => text(d.builtin ? t('inventory.builtin') : d.connection),
                ],
              ]}
            />
          )}
        </Section>
      )}
      {inventory.usb && (
        <Section title={t('inventory.usb')}>
          <Table
            rows={inventory.usb}
            rowKey={(u, i) => `${u.id}#${i}`}
            empty={t('inventory.none')}
            columns={[
              [t('inventory.name'), (u) => text(u.name)],
              [t('inventory.manufacturer'), (u) => text(u.manufacturer || u.vendor)],
              [t('inventory.type'), (u) => text(u.type)],
            ]}
          />
        </Section>
      )}
    </>
  );
}
