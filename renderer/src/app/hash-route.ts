import { useSyncExternalStore } from 'react';

/**
 * The current route is the URL hash (`#/users`). Hash routes work the same under the web host's
 * http:// origin and the Electron host's app:// protocol, and need no server routing.
 */
function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

function snapshot(): string {
  const path = window.location.hash.replace(/^#/, '');
  return path.startsWith('/') ? path : '/';
}

export function useRoute(): string {
  return useSyncExternalStore(subscribe, snapshot);
}

export function navigate(path: string): void {
  window.location.hash = path;
}
