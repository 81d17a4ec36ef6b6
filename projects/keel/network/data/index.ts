/**
 * Defensive decoding for repositories (valibot): missing optional fields get defaults, list items
 * without their identity are dropped, and what was repaired is reported (`DECODE_REPORTER`).
 *
 * The reporter seam itself is in the main entry (no valibot there), so observability can
 * replace it at startup without pulling the decoders into the first load; it is re-exported
 * here for the repositories that decode.
 * @packageDocumentation
 * @module @keel/network/data
 */
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
