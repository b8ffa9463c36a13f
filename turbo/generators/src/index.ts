export { corePackageGenerator } from "./core-package-generator";
export { featureGenerator } from "./feature-generator";
export { registerNameHelpers } from "./plop-support";
export { realtimeGenerator } from "./realtime-generator";
