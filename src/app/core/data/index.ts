// Helpers for repositories: decode responses defensively and report what had to be repaired.
export { decode, decodeWith, DecodeError } from './decode';
export {
  DECODE_REPORTER,
  consoleDecodeReporter,
  type DecodeReporter,
  type DecodeReport,
  type DecodeRepair,
} from './reporting';
export { listOf } from './list-of';
export { objectOf } from './object-of';
export { orDefault } from './or-default';
