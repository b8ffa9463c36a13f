export { coreEslintPlugin, recommended, repoGuards, REPO_RAW_SOCKET_IO_ALLOW, rules } from "./plugin";
export type { CompatibleConfig, CompatiblePlugin } from "./plugin";
export { DEFAULT_SOCKET_IO_ALLOW } from "./rules/no-direct-socket-io";
export type { NoDirectSocketIoOptions } from "./rules/no-direct-socket-io";
export { DEFAULT_JOB_VENDOR_ALLOW, DEFAULT_JOB_VENDORS } from "./rules/no-direct-job-vendor";
export type { NoDirectJobVendorOptions } from "./rules/no-direct-job-vendor";
export {
  checkFeatureAnchors,
  FEATURE_ANCHORS,
  FEATURE_TEMPLATE_DIR,
  findFeaturePackages,
  listAnchorTargets,
} from "./feature-anchors";
export type { AnchorTarget, FeatureAnchorFile, MissingAnchor } from "./feature-anchors";
export { findRepoRoot } from "./repo-root";
