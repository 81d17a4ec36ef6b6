export const KEEL = 1;
