import { Navigate } from 'react-router-dom';
import { useSession } from '../layout/session.tsx';

/** Where each role starts: officers and reviewers at their inbox, supervisors at the region, admins at administration. */
export function WorkspaceHome() {
  const { user } = useSession();
  const home =
    user.role === 'admin'
      ? '/workspace/admin'
      : user.role === 'supervisor'
        ? '/workspace/region'
        : '/workspace/applications';
  return <Navigate to={home} replace />;
}
