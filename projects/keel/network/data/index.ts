// Helpers for repositories: decode responses defensively and report what had to be repaired.
// The reporter seam itself lives in the main entry (no valibot there), so observability can
// replace it at startup without pulling the decoders into the first load; it is re-exported
// here for the repositories that decode.
export { decode, decodeWith, DecodeError } from './decode';
export {
  DECODE_REPORTER,
  consoleDecodeReporter,
  type DecodeReporter,
  type DecodeReport,
  type DecodeRepair,
} from '@keel/network';
export { listOf } from './list-of';
export { objectOf } from './object-of';
export { orDefault } from './or-default';
