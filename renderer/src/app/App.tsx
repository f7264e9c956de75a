import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { isValidElement, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createHashRouter,
  NavLink,
  Navigate,
  Outlet,
  redirect,
  type DataRouter,
  type LoaderFunctionArgs,
  type RouteObject,
  type RouterState,
} from 'react-router';
// The DOM build of the provider can update synchronously where a page asks (flushSync).
import { RouterProvider } from 'react-router/dom';
import type { ApiClient } from '../api/client';
import { ApiContext, useApiQuery } from '../api/hooks';
import { useLiveUpdates } from '../api/live-updates';
import { RouteCrash } from '../components/CrashBoundary';
import { isLazyComponent, lazyComponent } from '../components/lazy-component';
import { mayReadAuditLog } from '../features/desk/desk-session';
import { SignOutButton } from '../features/desk/SignOutButton';
import { prefetchQueue } from '../features/queue/useQueue';
import { QueuePage } from '../pages/QueuePage';
import { LanguageSwitcher } from '../features/settings/LanguageSwitcher';

// Each page is a chunk of its own: opening the console fetches the queue's code, not every page's.
// The queue, where the console opens, comes with the console's own code: no wait for it after.
const TicketPage = lazyComponent(() => import('../pages/TicketPage'), 'TicketPage');
const IntakePage = lazyComponent(() => import('../pages/IntakePage'), 'IntakePage');
const IntakeCallPage = lazyComponent(() => import('../pages/IntakeCallPage'), 'IntakeCallPage');
const MachinesPage = lazyComponent(() => import('../pages/MachinesPage'), 'MachinesPage');
const MachinePage = lazyComponent(() => import('../pages/MachinePage'), 'MachinePage');
const PeoplePage = lazyComponent(() => import('../pages/PeoplePage'), 'PeoplePage');
const PersonPage = lazyComponent(() => import('../pages/PersonPage'), 'PersonPage');
const NewPersonPage = lazyComponent(() => import('../pages/PersonPage'), 'NewPersonPage');
const SettingsPage = lazyComponent(() => import('../pages/SettingsPage'), 'SettingsPage');
const ProfileSection = lazyComponent(() => import('../pages/SettingsPage'), 'ProfileSection');
const GroupsSection = lazyComponent(() => import('../pages/SettingsPage'), 'GroupsSection');
const SlaSection = lazyComponent(() => import('../pages/SettingsPage'), 'SlaSection');
const AgentsSection = lazyComponent(() => import('../pages/SettingsPage'), 'AgentsSection');
const MailSection = lazyComponent(() => import('../pages/SettingsPage'), 'MailSection');
const AnalystsSection = lazyComponent(() => import('../pages/SettingsPage'), 'AnalystsSection');
const DataSection = lazyComponent(() => import('../pages/SettingsPage'), 'DataSection');
const AuditPage = lazyComponent(() => import('../pages/AuditPage'), 'AuditPage');
const KbPage = lazyComponent(() => import('../pages/KbPage'), 'KbPage');
const KbArticlePage = lazyComponent(() => import('../pages/KbArticlePage'), 'KbArticlePage');
const KbEditorPage = lazyComponent(() => import('../pages/KbEditorPage'), 'KbEditorPage');
const ReportsPage = lazyComponent(() => import('../pages/ReportsPage'), 'ReportsPage');

/**
 * Shown while the first page's code arrives. It stays blank for a moment (styles.css) so a
 * fast load shows no flash; moving between pages keeps the old page until the new one is
 * ready (the router's navigations are transitions).
 */
function PageLoading() {
  const { t } = useTranslation();
  return (
    <p className="page-loading muted" role="status">
      {t('app.loading')}
    </p>
  );
}

function Layout() {
  const { t } = useTranslation();
  const profile = useApiQuery('profile.get', {});
  const desk = useApiQuery('desk.session', {});
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
          <NavLink to="/reports">{t('nav.reports')}</NavLink>
          {mayReadAuditLog(desk.data) && <NavLink to="/audit">{t('nav.audit')}</NavLink>}
        </nav>
        <div className="sidebar-footer">
          <LanguageSwitcher />
          {profile.data && (
            <div className="analyst">
              {t('app.analyst', { name: profile.data.displayName ?? profile.data.analyst })}
            </div>
          )}
          <SignOutButton />
        </div>
      </div>
      <div className="content">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </div>
    </div>
  );
}

/** Starts fetching what a page shows at the address's query, into the page's own queries. */
type Prefetch = (api: ApiClient, queryClient: QueryClient, search: URLSearchParams) => void;

/**
 * A page's data is fetched as soon as the router enters its route, not once it renders: a
 * loader that waits for nothing and runs only when the route is entered anew (the page's own
 * queries follow the address from there).
 */
function prefetcher(api: ApiClient, queryClient: QueryClient) {
  return (start: Prefetch): Partial<RouteObject> => ({
    loader: ({ request }: LoaderFunctionArgs) => {
      start(api, queryClient, new URL(request.url).searchParams);
      return null;
    },
    shouldRevalidate: () => false,
  });
}

const consoleRoutes = (ahead: ReturnType<typeof prefetcher>): RouteObject[] => [
  {
    element: <Layout />,
    errorElement: <RouteCrash />,
    children: [
      // Loaders, not <Navigate>: the router settles on the queue before anything renders.
      { index: true, loader: () => redirect('/tickets') },
      { path: 'tickets', element: <QueuePage />, ...ahead(prefetchQueue) },
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
          { path: 'mail', element: <MailSection /> },
          { path: 'analysts', element: <AnalystsSection /> },
          { path: 'data', element: <DataSection /> },
        ],
      },
      { path: 'kb', element: <KbPage /> },
      { path: 'kb/new', element: <KbEditorPage /> },
      { path: 'kb/:id', element: <KbArticlePage /> },
      { path: 'kb/:id/edit', element: <KbEditorPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: '*', loader: () => redirect('/tickets') },
    ],
  },
];

/** Fetches the code of the pages the router has matched, before React asks for it. */
function preloadMatchedPages(state: RouterState): void {
  for (const { route } of state.matches) {
    const page = isValidElement(route.element) ? route.element.type : undefined;
    if (isLazyComponent(page)) void page.preload();
  }
}

/** What a console page needs: the contract's client, the cache of its answers, the router. */
export interface ConsoleSession {
  client: ApiClient;
  queryClient: QueryClient;
  router: DataRouter;
}

/**
 * Opens the console on the routes above, on the address's fragment (that works the same from
 * Electron's app://deskside page and the browser-mode host). From then on the router fetches the code
 * and the data of each page it is about to show.
 */
export function startConsole(client: ApiClient): ConsoleSession {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { refetchOnWindowFocus: false, retry: false },
      mutations: { retry: false },
    },
  });
  const router = createHashRouter(consoleRoutes(prefetcher(client, queryClient)));
  preloadMatchedPages(router.state);
  router.subscribe(preloadMatchedPages);
  return { client, queryClient, router };
}

export function App({ session }: { session: ConsoleSession | null }) {
  const { t } = useTranslation();
  if (!session) {
    return (
      <main className="no-session" role="alert">
        {t('app.noSession')}
      </main>
    );
  }
  return (
    <ApiContext.Provider value={session.client}>
      <QueryClientProvider client={session.queryClient}>
        <RouterProvider router={session.router} />
      </QueryClientProvider>
    </ApiContext.Provider>
  );
}
