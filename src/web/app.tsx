import { Suspense, lazy, useMemo, type ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import type { Permission } from './api/types';
import { AppLayout } from './components/app-layout';
import { AuthLayout } from './components/auth-layout';
import { FullPageLoader } from './components/full-page-loader';
import { NotAllowed } from './components/not-allowed';
import { RequirePermission, RequireSignedIn } from './components/route-guards';
import { SessionProvider } from './session/session-provider';
import { buildTheme, cssVariablesResolver } from './theme';

const LoginPage = lazy(() => import('./features/auth/login.page'));
const MfaVerifyPage = lazy(() => import('./features/auth/mfa-verify.page'));
const MfaSetupPage = lazy(() => import('./features/auth/mfa-setup.page'));
const HomePage = lazy(() => import('./features/home/home.page'));
const AccountPage = lazy(() => import('./features/account/account.page'));
const UserAdminPage = lazy(() => import('./features/admin/users/user-admin.page'));
const OrganisationsPage = lazy(() => import('./features/admin/organisations/organisations.page'));
const DesksPage = lazy(() => import('./features/admin/desks/desks.page'));
const ApiTokensPage = lazy(() => import('./features/admin/tokens/api-tokens.page'));
const AuditLogPage = lazy(() => import('./features/admin/audit/audit-log.page'));
const ConsolePage = lazy(() => import('./features/helpline/console/console.page'));
const ContactsPage = lazy(() => import('./features/helpline/contacts/contacts.page'));
const ContactDetailPage = lazy(() => import('./features/helpline/contacts/contact-detail.page'));
const WallboardPage = lazy(() => import('./features/helpline/wallboard/wallboard.page'));
const KpisPage = lazy(() => import('./features/helpline/kpis/kpis.page'));
const TaxonomyPage = lazy(() => import('./features/admin/taxonomy/taxonomy.page'));
const IntegrationsPage = lazy(() => import('./features/admin/integrations/integrations.page'));
const PublicReportPage = lazy(() => import('./features/public-report/public-report.page'));
const KnowledgeLibraryPage = lazy(() => import('./features/knowledge/knowledge-library.page'));
const ArticleReaderPage = lazy(() => import('./features/knowledge/article-reader.page'));
const ArticleListPage = lazy(() => import('./features/knowledge/article-list.page'));
const ArticleEditorPage = lazy(() => import('./features/knowledge/article-editor.page'));
const ReviewQueuePage = lazy(() => import('./features/knowledge/review-queue.page'));
const LegalRegisterPage = lazy(() => import('./features/knowledge/legal-register.page'));
const DirectoryPage = lazy(() => import('./features/knowledge/directory.page'));
const CaseListPage = lazy(() => import('./features/cases/case-list.page'));
const CaseNewPage = lazy(() => import('./features/cases/case-new.page'));
const CaseDetailPage = lazy(() => import('./features/cases/case-detail.page'));
const TasksPage = lazy(() => import('./features/cases/tasks.page'));
const ReferralListPage = lazy(() => import('./features/referrals/referral-list.page'));
const ReferralDetailPage = lazy(() => import('./features/referrals/referral-detail.page'));
const HandoffsPage = lazy(() => import('./features/referrals/handoffs.page'));
const AlertListPage = lazy(() => import('./features/alerts/alert-list.page'));
const AlertNewPage = lazy(() => import('./features/alerts/alert-new.page'));
const AlertDetailPage = lazy(() => import('./features/alerts/alert-detail.page'));
const PreAlertsPage = lazy(() => import('./features/alerts/pre-alerts.page'));
const AlertSettingsPage = lazy(() => import('./features/alerts/alert-settings.page'));
const RegionalMapPage = lazy(() => import('./features/alerts/regional-map.page'));
const IngestSourcesPage = lazy(() => import('./features/alerts/ingest-sources.page'));
const AlertWebhooksPage = lazy(() => import('./features/alerts/alert-webhooks.page'));
const MissingListPage = lazy(() => import('./features/missing/missing-list.page'));
const MissingNewPage = lazy(() => import('./features/missing/missing-new.page'));
const PathwaysPage = lazy(() => import('./features/referrals/pathways.page'));

/** A route whose page only users holding `permission` see; the server checks again on every request. */
function guarded(path: string, permission: Permission, page: ReactNode): RouteObject {
  return { path, element: <RequirePermission permission={permission}>{page}</RequirePermission> };
}

const router = createBrowserRouter([
  // The public report form: no account, its own plain layout with a quick-exit button.
  { path: '/report', element: <Suspense fallback={<FullPageLoader />}><PublicReportPage /></Suspense> },
  {
    element: <AuthLayout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/login/code', element: <MfaVerifyPage /> },
      { path: '/login/two-factor', element: <MfaSetupPage /> },
    ],
  },
  {
    element: <RequireSignedIn />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/account', element: <AccountPage /> },
          guarded('/admin/users', 'users.manage', <UserAdminPage />),
          guarded('/admin/organisations', 'organisations.manage', <OrganisationsPage />),
          guarded('/admin/desks', 'organisations.manage', <DesksPage />),
          guarded('/admin/tokens', 'tokens.manage', <ApiTokensPage />),
          guarded('/helpline/console', 'contacts.write', <ConsolePage />),
          guarded('/helpline/console/:id', 'contacts.write', <ConsolePage />),
          guarded('/contacts', 'contacts.read', <ContactsPage />),
          guarded('/contacts/:id', 'contacts.read', <ContactDetailPage />),
          guarded('/helpline/wallboard', 'contacts.review', <WallboardPage />),
          guarded('/helpline/kpis', 'contacts.review', <KpisPage />),
          guarded('/admin/taxonomy', 'taxonomy.manage', <TaxonomyPage />),
          guarded('/admin/integrations', 'integrations.manage', <IntegrationsPage />),
          guarded('/admin/audit', 'audit.read', <AuditLogPage />),
          guarded('/knowledge', 'knowledge.read', <KnowledgeLibraryPage />),
          guarded('/knowledge/a/:slug', 'knowledge.read', <ArticleReaderPage />),
          guarded('/knowledge/manage', 'knowledge.write', <ArticleListPage />),
          guarded('/knowledge/manage/:id', 'knowledge.write', <ArticleEditorPage />),
          guarded('/knowledge/review', 'knowledge.write', <ReviewQueuePage />),
          guarded('/knowledge/legal', 'knowledge.read', <LegalRegisterPage />),
          guarded('/knowledge/directory', 'knowledge.read', <DirectoryPage />),
          guarded('/alerts', 'alerts.read', <AlertListPage />),
          guarded('/alerts/new', 'alerts.draft', <AlertNewPage />),
          guarded('/alerts/pre-alerts', 'alerts.read', <PreAlertsPage />),
          guarded('/alerts/map', 'alerts.read', <RegionalMapPage />),
          guarded('/alerts/:id', 'alerts.read', <AlertDetailPage />),
          guarded('/missing', 'cases.read', <MissingListPage />),
          guarded('/missing/new', 'cases.write', <MissingNewPage />),
          guarded('/admin/alert-settings', 'alerts.configure', <AlertSettingsPage />),
          guarded('/admin/alert-webhooks', 'alerts.configure', <AlertWebhooksPage />),
          guarded('/admin/alert-ingest', 'alerts.configure', <IngestSourcesPage />),
          guarded('/cases', 'cases.read', <CaseListPage />),
          guarded('/cases/new', 'cases.write', <CaseNewPage />),
          guarded('/cases/referrals', 'cases.read', <ReferralListPage box="sent" />),
          guarded('/cases/:id', 'cases.read', <CaseDetailPage />),
          guarded('/tasks', 'cases.write', <TasksPage />),
          guarded('/referrals', 'referrals.receive', <ReferralListPage box="inbox" />),
          // Both sides open a referral: the referring desk and the receiving liaison officer (the server decides).
          { path: '/referrals/:id', element: <ReferralDetailPage /> },
          guarded('/handoffs', 'cases.write', <HandoffsPage />),
          guarded('/nrm', 'cases.read', <PathwaysPage />),
          { path: '*', element: <NotAllowed notFound /> },
        ],
      },
    ],
  },
]);

/** The whole application: theme, notifications, session and routes. */
export function App() {
  const { t, i18n } = useTranslation();
  const theme = useMemo(() => buildTheme(t('common.close')), [t, i18n.language]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" zIndex={1000} />
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </MantineProvider>
  );
}
