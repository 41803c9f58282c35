import { createBrowserRouter } from 'react-router-dom';
import { ErrorPage } from './layout/error-page.tsx';
import { PublicLayout } from './layout/public-layout.tsx';
import { WorkspaceLayout } from './layout/workspace-layout.tsx';
import { AdminPage } from './pages/admin/admin.tsx';
import { LoginPage } from './pages/login.tsx';
import { PasswordPage } from './pages/password.tsx';
import { ApplyPage } from './pages/public/apply.tsx';
import { HomePage } from './pages/public/home.tsx';
import { PublishedReportsPage } from './pages/public/published-reports.tsx';
import { StatisticsPage } from './pages/public/statistics.tsx';
import { TrackPage } from './pages/public/track.tsx';
import { CasesPage } from './pages/records/cases-page.tsx';
import { DisclosureItemPage } from './pages/records/disclosure-item.tsx';
import { DisclosureListPage } from './pages/records/disclosure-list.tsx';
import { NormativePage } from './pages/records/normative-page.tsx';
import { RegionDashboardPage } from './pages/region/dashboard.tsx';
import { RegionImportPage } from './pages/region/import.tsx';
import { RegionReportPage } from './pages/region/report-detail.tsx';
import { ReportEditorPage } from './pages/reports/report-editor.tsx';
import { ReportListPage } from './pages/reports/report-list.tsx';
import { WorkPage } from './pages/work/work-page.tsx';
import { CasePage } from './pages/workspace/case.tsx';
import { InboxPage } from './pages/workspace/inbox.tsx';
import { RegisterPage } from './pages/workspace/register.tsx';
import { WorkspaceHome } from './pages/workspace/workspace-home.tsx';

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
      { path: 'applications/:id', element: <CasePage /> },
      { path: 'disclosures', element: <DisclosureListPage /> },
      { path: 'disclosures/:id', element: <DisclosureItemPage /> },
      { path: 'normative-documents', element: <NormativePage /> },
      { path: 'cases', element: <CasesPage /> },
      { path: 'work', element: <WorkPage /> },
    ],
  },
  { path: '*', element: <ErrorPage notFound /> },
]);
