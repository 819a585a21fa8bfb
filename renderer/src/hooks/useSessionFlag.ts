import { useState } from 'react';

/**
 * A yes/no choice that holds while the app is open (sessionStorage): leaving a screen and
 * coming back keeps it, a new session starts from "no".
 */
export function useSessionFlag(key: string): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => sessionStorage.getItem(key) === 'yes');
  return [
    on,
    (next) => {
      sessionStorage.setItem(key, next ? 'yes' : 'no');
      setOn(next);
    },
  ];
}
