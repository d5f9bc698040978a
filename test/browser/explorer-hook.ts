/**
 * What the explorer exposes on `window.__explorer` (web/src/main.ts), and how browser
 * tests read it: `hook` evaluates a reader in the page, `settled` waits until no request
 * is in flight, no layout is running and a condition holds.
 */
import { expect } from 'vitest';
import type { BrowserApp } from './app.js';

export interface ExplorerHook {
  nodes(): string[];
  edges(): string[];
  highlighted(): { nodes: string[]; edges: string[] };
  focus(): string | undefined;
  view(): string;
  selected(): string | undefined;
  busy(): boolean;
  position(id: string): { x: number; y: number } | undefined;
  modelPosition(id: string): { x: number; y: number } | undefined;
  zoom(): number;
  drawnEdges(): { id: string; label: string; facts: string[]; shown: string[] }[];
  labels(): { id: string; x1: number; y1: number; x2: number; y2: number }[];
  hops(): { id: string; dependent: string; provider: string; dependence: string; nature: string }[];
  visibleNodes(): string[];
}
declare global {
  interface Window {
    __explorer: ExplorerHook;
  }
}

export function explorerHook(app: BrowserApp) {
  const hook = <T>(read: (explorer: ExplorerHook) => T): Promise<T> =>
    app.browser.page.evaluate(`(${read.toString()})(window.__explorer)`) as Promise<T>;

  /** Waits until no request is in flight and `check` holds. */
  async function settled<T>(read: (explorer: ExplorerHook) => T, check: (value: T) => boolean, timeout = 20_000): Promise<T> {
    let last: T | undefined;
    await expect
      .poll(
        async () => {
          last = await hook(read);
          return !(await hook((e) => e.busy())) && check(last);
        },
        { timeout },
      )
      .toBe(true);
    return last as T;
  }

  /** Page coordinates of a node or edge, to click it. */
  async function canvasPoint(id: string): Promise<{ x: number; y: number }> {
    const point = await app.browser.page.evaluate((element) => window.__explorer.position(element), id);
    expect(point, `${id} is drawn`).toBeDefined();
    return point!;
  }

  /** The address bar's query string, decoded. */
  const search = (): Promise<string> => app.browser.page.evaluate(() => decodeURIComponent(window.location.search));

  return { hook, settled, canvasPoint, search };
}
