/** True when dist/web is missing or older than its sources. */
export function webIsStale(): boolean;
/** Runs `vite build` when dist/web is missing or stale; true when it built. */
export function buildWebIfStale(opts?: { force?: boolean; log?: (msg: string) => void }): boolean;
