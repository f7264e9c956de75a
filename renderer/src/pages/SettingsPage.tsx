import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowConfig } from '@deskside/core';
import { NavLink, Outlet } from 'react-router';
import { useApiQuery } from '../api/hooks';
import { ErrorMessage } from '../components/ErrorMessage';
import { DataTransfers } from '../features/data/DataTransfers';
import { AgentsSettings } from '../features/settings/AgentsSettings';
import { AnalystsSettings, DeskWithoutRoles } from '../features/settings/AnalystsSettings';
import { FleetSettings } from '../features/settings/FleetSettings';
import { MailSettings } from '../features/settings/MailSettings';
import { MailTemplates } from '../features/settings/MailTemplates';
import { GroupsSettings } from '../features/settings/GroupsSettings';
import { ProfileSettings } from '../features/settings/ProfileSettings';
import { SecretProtection } from '../features/settings/SecretProtection';
import { SlaSettings } from '../features/settings/SlaSettings';

export const SETTINGS_SECTIONS = [
  'profile',
  'groups',
  'sla',
  'agents',
  'mail',
  'analysts',
  'data',
] as const;

/** The settings: a section per page, chosen from the tabs at the top. */
export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <main>
      <header className="page-header">
        <h1>{t('settings.title')}</h1>
      </header>
      <nav className="tabs" aria-label={t('settings.sections')}>
        {SETTINGS_SECTIONS.map((section) => (
          <NavLink key={section} to={`/settings/${section}`}>
            {t(`settings.tabs.${section}`)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </main>
  );
}

/** Settings that edit the desk's shared configuration wait for it before showing a form. */
function WithConfig({ children }: { children: (config: WorkflowConfig) => ReactNode }) {
  const { t } = useTranslation();
  const config = useApiQuery('workflow.config', {});
  if (config.error)
    return <ErrorMessage error={config.error} onRetry={() => void config.refetch()} />;
  if (!config.data) return <p className="muted">{t('app.loading')}</p>;
  return <>{children(config.data)}</>;
}

export function ProfileSection() {
  const { t } = useTranslation();
  const profile = useApiQuery('profile.get', {});
  if (profile.error) return <ErrorMessage error={profile.error} />;
  if (!profile.data) return <p className="muted">{t('app.loading')}</p>;
  const current = profile.data;
  return (
    <>
      <WithConfig>
        {(config) => <ProfileSettings profile={current} groups={config.groups} />}
      </WithConfig>
      <SecretProtection />
    </>
  );
}

export function GroupsSection() {
  return <WithConfig>{(config) => <GroupsSettings groups={config.groups} />}</WithConfig>;
}

export function SlaSection() {
  return <WithConfig>{(config) => <SlaSettings policy={config.sla} />}</WithConfig>;
}

export function AgentsSection() {
  return (
    <>
      <AgentsSettings />
      <FleetSettings />
    </>
  );
}

export function MailSection() {
  return (
    <>
      <MailSettings />
      <MailTemplates />
    </>
  );
}

/** The desk's analysts where the desk has roles; on a console of its own, why there are none. */
export function AnalystsSection() {
  const { t } = useTranslation();
  const session = useApiQuery('desk.session', {});
  if (session.error)
    return <ErrorMessage error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <p className="muted">{t('app.loading')}</p>;
  const current = session.data;
  if (!current.roles) return <DeskWithoutRoles session={current} />;
  return (
    <WithConfig>
      {(config) => <AnalystsSettings session={current} groups={config.groups} />}
    </WithConfig>
  );
}
export const DataSection = DataTransfers;
