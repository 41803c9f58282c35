import { createContext, useContext } from 'react';
import type { Session } from '../api/types.ts';

export const SessionContext = createContext<Session | null>(null);

/** The signed-in session; only inside WorkspaceLayout, which does not render without one. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside WorkspaceLayout');
  return session;
}
