import { useSyncExternalStore } from 'react';

/**
 * A value one component publishes and another follows, without re-rendering their common
 * parent: typing in the summary updates only the live preview, not the whole interview
 * screen with its seventeen notes boxes.
 */
export interface Channel<T> {
  get(): T;
  publish(value: T): void;
  subscribe(listener: () => void): () => void;
}

export function createChannel<T>(initial: T): Channel<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    publish(next) {
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useChannel<T>(channel: Channel<T>): T {
  return useSyncExternalStore(channel.subscribe, channel.get, channel.get);
}
