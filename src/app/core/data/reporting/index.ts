// core/data's secondary entry: the decode reporter seam without the schema library, so the
// code the app loads at startup (provideObservability) can replace the reporter without
// pulling valibot and the decoders into the initial bundle. core/data's index.ts re-exports it.
export {
  DECODE_REPORTER,
  consoleDecodeReporter,
  type DecodeReporter,
  type DecodeReport,
  type DecodeRepair,
} from './decode-reporter';
