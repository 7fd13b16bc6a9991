import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { ja } from './i18n/ja.ts';
import { AdminOnly } from './layout/AdminOnly.tsx';
import { AuthenticatedLayout } from './layout/AuthenticatedLayout.tsx';
import { CaseListPage } from './pages/CaseListPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { WorkerOnly } from './layout/WorkerOnly.tsx';

// The editor stack (Tiptap, Yjs, Hocuspocus) is most of the bundle; the login and list
// screens should not wait for it.
const CasePage = lazy(async () => ({ default: (await import('./pages/CasePage.tsx')).CasePage }));
// Only administrators use it; everyone else never loads it.
const AuditLogPage = lazy(async () => ({ default: (await import('./admin/AuditLogPage.tsx')).AuditLogPage }));

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<AuthenticatedLayout />}>
        <Route
          path="/cases"
          element={
            <WorkerOnly>
              <CaseListPage />
            </WorkerOnly>
          }
        />
        <Route
          path="/cases/:caseId/*"
          element={
            <WorkerOnly>
              <Suspense fallback={<p className="message">{ja.loading}</p>}>
                <CasePage />
              </Suspense>
            </WorkerOnly>
          }
        />
        <Route
          path="/admin/audit"
          element={
            <AdminOnly>
              <Suspense fallback={<p className="message">{ja.loading}</p>}>
                <AuditLogPage />
              </Suspense>
            </AdminOnly>
          }
        />
      </Route>
      {/* Covers "/" too: the list is the home screen (the administrator's is sent on), and the guard above handles logins. */}
      <Route path="*" element={<Navigate to="/cases" replace />} />
    </Routes>
  );
}
