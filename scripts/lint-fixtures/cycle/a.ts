// A cycle of two files (a → b → a): keel/no-import-cycle reports both ends.
import { b } from './b.ts';

export const a = (): string => `a${b()}`;
