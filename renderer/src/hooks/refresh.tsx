import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * A counter every screen's data depends on: undo, restore from the trash or an import
 * bumps it, and whatever is on screen reloads from the store.
 */
const RefreshContext = createContext<{ generation: number; refresh: () => void }>({ generation: 0, refresh: () => {} });

export function RefreshProvider({ children }: { children: ReactNode }) {
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  const value = useMemo(() => ({ generation, refresh }), [generation, refresh]);
  return <RefreshContext.Provider value={value}>{children}</RefreshContext.Provider>;
}

export const useRefresh = () => useContext(RefreshContext);
