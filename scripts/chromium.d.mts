/** Types of scripts/chromium.mjs. */
export function findChromium(): string | undefined;
export function ensureChromium(): string;
