import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createHashRouter, NavLink, Navigate, Outlet } from 'react-router';
// The DOM build of the provider can update synchronously where a page asks (flushSync).
import { RouterProvider } from 'react-router/dom';
import type { ApiClient } from '../api/client';
import { ApiContext, useApiQuery } from '../api/hooks';
import { useLiveUpdates } from '../api/live-updates';
import { LanguageSwitcher } from '../features/settings/LanguageSwitcher';
import { IntakeCallPage } from '../pages/IntakeCallPage';
import { IntakePage } from '../pages/IntakePage';
import { KbArticlePage } from '../pages/KbArticlePage';
import { KbEditorPage } from '../pages/KbEditorPage';
import { KbPage } from '../pages/KbPage';
import { MachinePage } from '../pages/MachinePage';
import { MachinesPage } from '../pages/MachinesPage';
import { PeoplePage } from '../pages/PeoplePage';
import { NewPersonPage, PersonPage } from '../pages/PersonPage';
import { QueuePage } from '../pages/QueuePage';
import { TicketPage } from '../pages/TicketPage';
import {
  AgentsSection,
  DataSection,
  GroupsSection,
  ProfileSection,
  SettingsPage,
  SlaSection,
} from '../pages/SettingsPage';

function Layout() {
  const { t } = useTranslation();
  const profile = useApiQuery('profile.get', {});
  useLiveUpdates();
  return (
    <div className="shell">
      <div className="sidebar">
        <div className="brand">{t('app.name')}</div>
        <nav aria-label={t('nav.main')}>
          <NavLink to="/tickets">{t('nav.tickets')}</NavLink>
          <NavLink to="/intake">{t('intake.nav')}</NavLink>
          <NavLink to="/machines">{t('nav.machines')}</NavLink>
          <NavLink to="/people">{t('nav.people')}</NavLink>
          <NavLink to="/settings">{t('nav.settings')}</NavLink>
          <NavLink to="/kb">{t('kb.nav')}</NavLink>
        </nav>
        <div className="sidebar-footer">
          <LanguageSwitcher />
          {profile.data && (
            <div className="analyst">
              {t('app.analyst', { name: profile.data.displayName ?? profile.data.analyst })}
            </div>
          )}
        </div>
      </div>
      <div className="content">
        <Outlet />
      </div>
    </div>
  );
}

// Hash routes work the same from Electron's file:// page and the browser-mode host.
const router = createHashRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/tickets" replace /> },
      { path: 'tickets', element: <QueuePage /> },
      { path: 'tickets/:id', element: <TicketPage /> },
      { path: 'intake', element: <IntakePage /> },
      { path: 'intake/:ticketId', element: <IntakeCallPage /> },
      { path: 'machines', element: <MachinesPage /> },
      { path: 'machines/:id', element: <MachinePage /> },
      { path: 'people', element: <PeoplePage /> },
      { path: 'people/new', element: <NewPersonPage /> },
      { path: 'people/:id', element: <PersonPage /> },
      {
        path: 'settings',
        element: <SettingsPage />,
        children: [
          { index: true, element: <Navigate to="/settings/profile" replace /> },
          { path: 'profile', element: <ProfileSection /> },
          { path: 'groups', element: <GroupsSection /> },
          { path: 'sla', element: <SlaSection /> },
          { path: 'agents', element: <AgentsSection /> },
          { path: 'data', element: <DataSection /> },
        ],
      },
      { path: 'kb', element: <KbPage /> },
      { path: 'kb/new', element: <KbEditorPage /> },
      { path: 'kb/:id', element: <KbArticlePage /> },
      { path: 'kb/:id/edit', element: <KbEditorPage /> },
      { path: '*', element: <Navigate to="/tickets" replace /> },
    ],
  },
]);

export function App({ client }: { client: ApiClient | null }) {
  const { t } = useTranslation();
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { refetchOnWindowFocus: false, retry: false },
          mutations: { retry: false },
        },
      }),
  );
  if (!client) {
    return (
      <main className="no-session" role="alert">
        {t('app.noSession')}
      </main>
    );
  }
  return (
    <ApiContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ApiContext.Provider>
  );
}
