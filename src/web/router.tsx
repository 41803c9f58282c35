import { createBrowserRouter } from 'react-router-dom';
import { ErrorPage } from './layout/error-page.tsx';
import { PublicLayout } from './layout/public-layout.tsx';
import { WorkspaceLayout } from './layout/workspace-layout.tsx';
import { AdminPage } from './pages/admin/admin.tsx';
import { ApplicationPage } from './pages/applications/application-page.tsx';
import { InboxPage } from './pages/applications/inbox-page.tsx';
import { RegisterPage } from './pages/applications/register-page.tsx';
import { CasesPage } from './pages/cases/cases-page.tsx';
import { DisclosureItemPage } from './pages/disclosures/disclosure-item.tsx';
import { DisclosureListPage } from './pages/disclosures/disclosure-list.tsx';
import { LoginPage } from './pages/login.tsx';
import { PasswordPage } from './pages/password.tsx';
import { ApplyPage } from './pages/public/apply.tsx';
import { HomePage } from './pages/public/home.tsx';
import { PublishedReportsPage } from './pages/public/published-reports.tsx';
import { StatisticsPage } from './pages/public/statistics.tsx';
import { TrackPage } from './pages/public/track.tsx';
import { RegionDashboardPage } from './pages/region/dashboard.tsx';
import { RegionImportPage } from './pages/region/import.tsx';
import { RegionReportPage } from './pages/region/report-detail.tsx';
import { ReportEditorPage } from './pages/reports/report-editor.tsx';
import { ReportListPage } from './pages/reports/report-list.tsx';
import { NormativePage } from './pages/table2-sources/normative-page.tsx';
import { WorkRecordsPage } from './pages/work-records/work-records-page.tsx';
import { WorkspaceHome } from './pages/workspace-home.tsx';

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    errorElement: <ErrorPage />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/apply', element: <ApplyPage /> },
      { path: '/track', element: <TrackPage /> },
      { path: '/reports', element: <PublishedReportsPage /> },
      { path: '/statistics', element: <StatisticsPage /> },
      { path: '/login', element: <LoginPage /> },
    ],
  },
  {
    path: '/workspace',
    element: <WorkspaceLayout />,
    errorElement: <ErrorPage />,
    children: [
      { index: true, element: <WorkspaceHome /> },
      { path: 'applications', element: <InboxPage /> },
      { path: 'admin', element: <AdminPage /> },
      { path: 'password', element: <PasswordPage /> },
      { path: 'region', element: <RegionDashboardPage /> },
      { path: 'region/import', element: <RegionImportPage /> },
      { path: 'region/reports/:reportId', element: <RegionReportPage /> },
      { path: 'reports', element: <ReportListPage /> },
      { path: 'reports/:id', element: <ReportEditorPage /> },
      { path: 'applications/new', element: <RegisterPage /> },
      { path: 'applications/:id', element: <ApplicationPage /> },
      { path: 'disclosures', element: <DisclosureListPage /> },
      { path: 'disclosures/:id', element: <DisclosureItemPage /> },
      { path: 'normative-documents', element: <NormativePage /> },
      { path: 'cases', element: <CasesPage /> },
      { path: 'work', element: <WorkRecordsPage /> },
    ],
  },
  { path: '*', element: <ErrorPage notFound /> },
]);
