import type { InventoryV2 } from '@deskside/core';
import { Facts, Section } from '../../components/Facts';
import { formatDateTime, formatPercent } from '../../i18n/format';
import type { Formatters } from './format';
import { Table } from './Table';

/** Network interfaces with gateways and DNS, logged-in users, battery, printers. */
export function StateSections({ inventory, f }: { inventory: InventoryV2; f: Formatters }) {
  const { t, locale, text } = f;
  const { network, battery, printers } = inventory;
  const gateways = network ? [...network.defaultGateways.ip4, ...network.defaultGateways.ip6] : [];
  return (
    <>
      {network && (
        <Section title={t('inventory.network')}>
          <Table
            rows={network.interfaces}
            rowKey={(n) => n.name}
            empty={t('inventory.none')}
            columns={[
              [t('inventory.interface'), (n) => n.name],
              [t('inventory.state'), (n) => (n.up ? t('inventory.up') : t('inventory.down'))],
              [t('inventory.addresses'), (n) => text([...n.ip4, ...n.ip6].join(', '))],
              [t('inventory.mac'), (n) => text(n.mac)],
            ]}
          />
          <Facts
            items={[
              [
                t('inventory.gateway'),
                gateways.length === 0
                  ? t('inventory.none')
                  : gateways
                      .map((g) => `${g.address}${g.interface ? ` (${g.interface})` : ''}`)
                      .join(', '),
              ],
              [t('inventory.dns'), network.dnsServers.join(', ') || t('inventory.none')],
            ]}
          />
        </Section>
      )}
      {inventory.users && (
        <Section title={t('inventory.users')}>
          <Table
            rows={inventory.users}
            rowKey={(u, i) => `${u.user}@${u.session}#${i}`}
            empty={t('inventory.noUsers')}
            columns={[
              [t('inventory.user'), (u) => u.user],
              [t('inventory.session'), (u) => text(u.session)],
              [t('inventory.from'), (u) => u.remoteHost || t('inventory.local')],
              [
                t('inventory.since'),
                (u) => (u.loginAt ? formatDateTime(u.loginAt, locale) : t('inventory.unknown')),
              ],
            ]}
          />
        </Section>
      )}
      {battery && (
        <Section title={t('inventory.battery')}>
          <Table
            rows={battery.batteries}
            rowKey={(b) => b.name}
            empty={t('inventory.noBattery')}
            columns={[
              [t('inventory.name'), (b) => text(b.name)],
              [
                t('inventory.charge'),
                (b) =>
                  b.percent === null ? t('inventory.unknown') : formatPercent(b.percent, locale),
              ],
              [t('inventory.state'), (b) => t(`inventory.batteryState.${b.state}`)],
              [
                t('inventory.health'),
                (b) =>
                  b.healthPercent === null
                    ? t('inventory.unknown')
                    : formatPercent(b.healthPercent, locale),
              ],
              [
                t('inventory.cycles'),
                (b) => (b.cycleCount === null ? t('inventory.unknown') : String(b.cycleCount)),
              ],
            ]}
          />
        </Section>
      )}
      {printers && (
        <Section title={t('inventory.printers')}>
          {!printers.spoolerRunning && <p className="muted">{t('inventory.spoolerStopped')}</p>}
          <Table
            rows={printers.printers}
            rowKey={(p) => p.name}
            empty={t('inventory.none')}
            columns={[
              [
                t('inventory.name'),
                (p) => `${p.name}${p.isDefault ? ` (${t('inventory.default')})` : ''}`,
              ],
              [
                t('inventory.state'),
                (p) =>
                  `${t(`inventory.printerStatus.${p.status}`)}${p.statusMessage ? `: ${p.statusMessage}` : ''}`,
              ],
              [t('inventory.queued'), (p) => String(p.jobs.length)],
              [t('inventory.location'), (p) => text(p.location)],
            ]}
          />
        </Section>
      )}
    </>
  );
}
