// Helpers for repositories: decode responses defensively.
export { decode, decodeWith, DecodeError } from './decode';
export { listOf } from './list-of';
