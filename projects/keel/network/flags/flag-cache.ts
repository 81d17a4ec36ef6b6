import type { FlagDefinitions, FlagValues } from './flag-registry';
import { isRecord, readFlagValues } from './read-flag-values';

/** Versioned so a future change of the stored shape starts from a clean slate. */
const KEY = 'keel.flags.v1';

/**
 * The last values the server sent that this build could use. What no longer fits the flags
 * (a removed flag, a changed type) is dropped quietly: it was reported when it arrived.
 */
export function readCachedFlags(
  storage: Storage | null,
  definitions: FlagDefinitions,
): Partial<FlagValues> | null {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isRecord(parsed) ? readFlagValues(parsed, definitions).values : null;
  } catch {
    return null;
  }
}

export function writeCachedFlags(storage: Storage | null, values: Partial<FlagValues>): void {
  try {
    storage?.setItem(KEY, JSON.stringify(values));
  } catch {
    // Quota or a blocked storage: the values still apply for this page load.
  }
}
