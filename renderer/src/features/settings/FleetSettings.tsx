import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FleetLinkSettings } from '@deskside/core';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';

/** One server URL a line (or separated by commas or spaces), blanks left out. */
export const serverList = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((server) => server.trim())
    .filter(Boolean);

function FleetForm({ current }: { current: FleetLinkSettings | null }) {
  const { t } = useTranslation();
  const [servers, setServers] = useState(current?.servers.join('\n') ?? '');
  const [credentialsFile, setCredentialsFile] = useState(current?.credentialsFile ?? '');
  const [tlsCaFile, setTlsCaFile] = useState(current?.tlsCaFile ?? '');
  const update = useApiMutation('settings.update');
  return (
    <form
      aria-label={t('settings.fleet.title')}
      onSubmit={(event) => {
        event.preventDefault();
        const ca = tlsCaFile.trim();
        update.mutate({
          fleet: {
            servers: serverList(servers),
            credentialsFile,
            ...(ca ? { tlsCaFile: ca } : {}),
          },
        });
      }}
    >
      <p>{current ? t('settings.fleet.on') : t('settings.fleet.off')}</p>
      <label>
        {t('settings.fleet.servers')}
        <textarea
          rows={2}
          value={servers}
          placeholder={t('settings.fleet.serversExample')}
          onChange={(event) => {
            setServers(event.target.value);
          }}
        />
      </label>
      <label>
        {t('settings.fleet.credentialsFile')}
        <input
          type="text"
          value={credentialsFile}
          onChange={(event) => {
            setCredentialsFile(event.target.value);
          }}
        />
      </label>
      <p className="muted">{t('settings.fleet.credentialsHint')}</p>
      <label>
        {t('settings.fleet.tlsCaFile')}
        <input
          type="text"
          value={tlsCaFile}
          onChange={(event) => {
            setTlsCaFile(event.target.value);
          }}
        />
      </label>
      <p className="muted">{t('settings.fleet.tlsCaHint')}</p>
      {update.error && <ErrorMessage error={update.error} />}
      <div className="actions">
        <button type="submit" disabled={update.isPending}>
          {t('settings.fleet.save')}
        </button>
        {current && (
          <button
            type="button"
            className="secondary"
            disabled={update.isPending}
            onClick={() => {
              update.mutate({ fleet: null });
            }}
          >
            {t('settings.fleet.turnOff')}
          </button>
        )}
      </div>
    </form>
  );
}

/** Fleet mode over NATS for this console: the servers and this console's identity file. */
export function FleetSettings() {
  const { t } = useTranslation();
  const settings = useApiQuery('settings.get', {});
  return (
    <section className="panel" aria-labelledby="fleet-title">
      <h2 id="fleet-title">{t('settings.fleet.title')}</h2>
      <p className="muted">{t('settings.fleet.intro')}</p>
      {settings.error && <ErrorMessage error={settings.error} />}
      {settings.data && (
        <FleetForm key={JSON.stringify(settings.data.fleet)} current={settings.data.fleet} />
      )}
    </section>
  );
}
