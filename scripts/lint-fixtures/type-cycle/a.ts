// A cycle closed by a type-only import (a → b at run time, b → a for a type only), as the
// core/data ↔ core/observability and the Sentry cycles were: keel/no-import-cycle reports it.
import { b } from './b.ts';

export interface Named {
  name: string;
}
export const a = (): Named => ({ name: b() });
