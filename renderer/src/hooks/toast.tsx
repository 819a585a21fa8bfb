import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { Toast, type ToastMessage } from '../components/Toast';

/**
 * One toast for the whole window: any screen says what an action did (and offers its
 * Undo) through `useToast()`; a new message replaces the one on screen.
 */
const ToastContext = createContext<(message: ToastMessage) => void>(() => {});

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const close = useCallback(() => setToast(null), []);
  return (
    <ToastContext.Provider value={setToast}>
      {children}
      {toast && <Toast message={toast} onDone={close} />}
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
