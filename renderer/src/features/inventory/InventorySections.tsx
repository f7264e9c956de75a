import { useTranslation } from 'react-i18next';
import type { Inventory } from '@deskside/core';
import { Facts, Section } from '../../components/Facts';
import { formatBytes, formatDuration, formatPercent } from '../../i18n/format';

/** An inventory document as readable sections, in the analyst's language and number format. */
export function InventorySections({ inventory }: { inventory: Inventory }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const bytes = (n: number) => formatBytes(n, locale);
  const text = (value: string) => value || t('inventory.unknown');
  const { system, os, cpu, memory } = inventory;

  return (
    <div className="inventory">
      <Section title={t('inventory.system')}>
        <Facts
          items={[
            [t('inventory.manufacturer'), text(system.manufacturer)],
            [t('inventory.model'), text(system.model)],
            [t('inventory.serial'), text(system.serial)],
            [t('inventory.uuid'), text(system.uuid)],
            [t('inventory.virtual'), system.virtual ? t('inventory.yes') : t('inventory.no')],
          ]}
        />
      </Section>
      <Section title={t('inventory.os')}>
        <Facts
          items={[
            [t('inventory.hostname'), text(os.hostname)],
            [t('inventory.distro'), text(os.distro)],
            [t('inventory.release'), text(os.release)],
            [t('inventory.kernel'), text(os.kernel)],
            [t('inventory.arch'), text(os.arch)],
            [t('inventory.uptime'), formatDuration(os.uptimeSeconds, locale)],
          ]}
        />
      </Section>
      <Section title={t('inventory.cpu')}>
        <Facts
          items={[
            [t('inventory.manufacturer'), text(cpu.manufacturer)],
            [t('inventory.brand'), text(cpu.brand)],
            [t('inventory.cores'), `${cpu.physicalCores} / ${cpu.cores}`],
            [
              t('inventory.speed'),
              cpu.speedGHz ? `${cpu.speedGHz.toLocaleString(locale)} GHz` : t('inventory.unknown'),
            ],
          ]}
        />
      </Section>
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
      </Section>
      <Section title={t('inventory.disks')}>
        {inventory.disks.length === 0 ? (
          <p className="muted">{t('inventory.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('inventory.device')}</th>
                <th scope="col">{t('inventory.model')}</th>
                <th scope="col">{t('inventory.type')}</th>
                <th scope="col">{t('inventory.size')}</th>
              </tr>
            </thead>
            <tbody>
              {inventory.disks.map((disk) => (
                <tr key={disk.device}>
                  <td>{text(disk.device)}</td>
                  <td>{text([disk.vendor, disk.name].filter(Boolean).join(' '))}</td>
                  <td>{text([disk.type, disk.interfaceType].filter(Boolean).join(' · '))}</td>
                  <td>{bytes(disk.sizeBytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section title={t('inventory.fileSystems')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('inventory.mount')}</th>
              <th scope="col">{t('inventory.device')}</th>
              <th scope="col">{t('inventory.type')}</th>
              <th scope="col">{t('inventory.size')}</th>
              <th scope="col">{t('inventory.free')}</th>
              <th scope="col">{t('inventory.usage')}</th>
            </tr>
          </thead>
          <tbody>
            {inventory.fileSystems.map((fs) => (
              <tr key={`${fs.device}@${fs.mount}`}>
                <td>{fs.mount}</td>
                <td>{text(fs.device)}</td>
                <td>{text(fs.type)}</td>
                <td>{bytes(fs.sizeBytes)}</td>
                <td>{bytes(fs.availableBytes)}</td>
                <td>
                  {fs.usePercent === null
                    ? t('inventory.unknown')
                    : formatPercent(fs.usePercent, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={t('inventory.network')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('inventory.interface')}</th>
              <th scope="col">{t('inventory.state')}</th>
              <th scope="col">{t('inventory.addresses')}</th>
              <th scope="col">{t('inventory.mac')}</th>
            </tr>
          </thead>
          <tbody>
            {inventory.network.map((n) => (
              <tr key={n.name}>
                <td>{n.name}</td>
                <td>{n.up ? t('inventory.up') : t('inventory.down')}</td>
                <td>{text([...n.ip4, ...n.ip6].join(', '))}</td>
                <td>{text(n.mac)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </div>
  );
}
