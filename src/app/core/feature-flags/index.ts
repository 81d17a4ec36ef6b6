export {
  FLAGS,
  type FlagName,
  type BooleanFlagName,
  type FlagValue,
  type FlagValues,
  type FlagDefinition,
} from './flag-registry';
export { FeatureFlagsStore } from './feature-flags-store';
export { injectFlag } from './inject-flag';
export { KeelFlag } from './flag-directive';
export { flagGuard } from './flag-guard';
