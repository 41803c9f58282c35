import { createContext, useContext } from 'react';
import type { Session } from '../api/types.ts';

export const SessionContext = createContext<Session | null>(null);

/** The signed-in session; only inside WorkspaceLayout, which does not render without one. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside WorkspaceLayout');
  return session;
}

export const ROLE_LABELS = {
  officer: '经办人',
  reviewer: '审核人',
  supervisor: '主管部门',
  admin: '系统管理员',
} as const;
