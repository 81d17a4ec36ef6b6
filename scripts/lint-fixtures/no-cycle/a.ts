// The same two files without the way back (a → b).
import { b } from './b.ts';

export const a = (): string => `a${b()}`;
