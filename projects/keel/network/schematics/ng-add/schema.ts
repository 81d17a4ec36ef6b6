/** The options of `ng add @keel/network` (schema.json). */
export interface NgAddOptions {
  project: string;
  apiOrigins?: string[];
  session?: boolean;
  flags?: boolean;
  observability?: boolean;
}
