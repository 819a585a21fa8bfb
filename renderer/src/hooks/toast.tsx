import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { Toast, type ToastMessage } from '../components/Toast';

/**
 * One toast for the whole window: any screen says what an action did (and offers its
 * Undo) through `useToast()`; a new message replaces the one on screen. Moving to another
 * screen clears a plain message (it was about the screen left behind); a toast whose Undo
 * is still live stays, since it names what it would put back and where.
 */
const ToastContext = createContext<(message: ToastMessage) => void>(() => {});

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const close = useCallback(() => setToast(null), []);
  useEffect(() => {
    const onRouteChange = () => setToast((shown) => (shown?.action ? shown : null));
    window.addEventListener('hashchange', onRouteChange);
    return () => window.removeEventListener('hashchange', onRouteChange);
  }, []);
  return (
    <ToastContext.Provider value={setToast}>
      {children}
      {toast && <Toast message={toast} onDone={close} />}
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
