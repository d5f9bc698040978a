/**
 * The curator's token (an API key or a JWT), kept for this browser tab only: in
 * sessionStorage, gone when the tab closes. Never in localStorage, never in the URL.
 */
const KEY = 'mgkg.review.token';

export function readToken(storage: Storage = sessionStorage): string | null {
  const token = storage.getItem(KEY);
  return token && token.trim() ? token : null;
}

export function saveToken(token: string, storage: Storage = sessionStorage): void {
  storage.setItem(KEY, token.trim());
}

export function forgetToken(storage: Storage = sessionStorage): void {
  storage.removeItem(KEY);
}
