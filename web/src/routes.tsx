import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router-dom';
import type { Action } from '../../src/domain/access/action';
import { sessionAtStart, useAuth } from './auth/auth-context';
import { can } from './auth/can';
import { AppLayout } from './components/app-layout';
import { ErrorState } from './components/page-state';
import { ApiError } from './api/client';
import { prefetchOverview } from './features/overview/overview-prefetch';

// One chunk per page: the shell loads first, each page when it is opened.
const SignInPage = lazy(() => import('./features/sign-in/sign-in-page'));
const loadOverview = () => import('./features/overview/overview-page');
// The landing page's code and data are fetched with the session check rather than after it.
if (location.pathname === '/') {
  void loadOverview();
  prefetchOverview(sessionAtStart());
}
const OverviewPage = lazy(loadOverview);
const PlanListPage = lazy(() => import('./features/plans/plan-list-page'));
const PlanBrowserPage = lazy(() => import('./features/plans/plan-browser-page'));
const IndicatorListPage = lazy(() => import('./features/indicators/indicator-list-page'));
const IndicatorPage = lazy(() => import('./features/indicators/indicator-page'));
const DataEntryPage = lazy(() => import('./features/data-entry/data-entry-page'));
const ReviewPage = lazy(() => import('./features/review/review-page'));
const AlertsPage = lazy(() => import('./features/alerts/alerts-page'));
const RankingPage = lazy(() => import('./features/ranking/ranking-page'));
const ReportsPage = lazy(() => import('./features/reports/reports-page'));
const PublicPage = lazy(() => import('./features/public/public-page'));
const UsersPage = lazy(() => import('./features/admin/users-page'));
const DepartmentsPage = lazy(() => import('./features/admin/departments-page'));
const RegionsPage = lazy(() => import('./features/admin/regions-page'));
const PlanAdminPage = lazy(() => import('./features/admin/plan-admin-page'));

const loading = <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;

/** A page only for roles granted `action`; the others get the same answer as for a missing page. */
function Guard({ action, children }: { action: Action; children: ReactNode }) {
  const { user } = useAuth();
  if (!user) return null;
  if (!can(user, action)) return <ErrorState error={new ApiError(403, 'FORBIDDEN', '')} />;
  return <>{children}</>;
}

/** Signed-out visitors go to the sign-in page, then back to where they were going. */
function RequireUser({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return loading;
  if (user === null)
    return (
      <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
    );
  return <>{children}</>;
}

function SignInRoute() {
  const { user } = useAuth();
  if (user === undefined) return loading;
  if (user) return <Navigate to="/" replace />;
  return (
    <Suspense fallback={loading}>
      <SignInPage />
    </Suspense>
  );
}

const page = (action: Action, element: ReactNode) => (
  <Guard action={action}>
    <Suspense fallback={loading}>{element}</Suspense>
  </Guard>
);

/** The routes: a data router, so that pages can guard unsaved changes (useBlocker). */
export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInRoute /> },
  // The public section: no sign-in, only what has been published.
  {
    path: '/public',
    element: (
      <Suspense fallback={loading}>
        <PublicPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <RequireUser>
        <AppLayout />
      </RequireUser>
    ),
    // A page that fails to render shows the error state, not the router's default screen.
    errorElement: <ErrorState error={new Error('render')} reload={() => location.reload()} />,
    children: [
      { index: true, element: page('plan:read', <OverviewPage />) },
      { path: 'plans', element: page('plan:read', <PlanListPage />) },
      { path: 'plans/:id', element: page('plan:read', <PlanBrowserPage />) },
      { path: 'indicators', element: page('indicator:read', <IndicatorListPage />) },
      { path: 'indicators/:code', element: page('indicator:read', <IndicatorPage />) },
      { path: 'data-entry', element: page('observation:write', <DataEntryPage />) },
      { path: 'review', element: page('observation:approve', <ReviewPage />) },
      { path: 'alerts', element: page('observation:read', <AlertsPage />) },
      { path: 'ranking', element: page('observation:read', <RankingPage />) },
      { path: 'reports', element: page('report:read', <ReportsPage />) },
      { path: 'admin/users', element: page('user:manage', <UsersPage />) },
      { path: 'admin/departments', element: page('plan:read', <DepartmentsPage />) },
      { path: 'admin/regions', element: page('region:read', <RegionsPage />) },
      { path: 'admin/plans', element: page('plan:import', <PlanAdminPage />) },
      { path: '*', element: <ErrorState error={new ApiError(404, 'NOT_FOUND', '')} /> },
    ],
  },
]);
