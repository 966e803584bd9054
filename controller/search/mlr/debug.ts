/** The injected debug sink of the search (no logging library in pure code). */
export type DebugFn = (message: string) => void;

export const noDebug: DebugFn = () => {};
