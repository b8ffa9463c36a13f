export { bindProductionAdminObservability } from "./bind-production";
export { bindDevSeedAdminObservability } from "./bind-dev-seed";
// @anchor:exports
// @anchor:realtime-channels
