import type { Named } from './a.ts';

export const b = (named?: Named): string => named?.name ?? 'b';
