export { bindProductionAuth } from "./bind-production";
export { bindDevSeedAuth } from "./bind-dev-seed";
export { createAccountOnDatabase } from "./create-account-on-database";
export { accountRuleViolation } from "./domain/account-rules";
export { AuthSymbols } from "./di/symbols";
export { DEV_SEED_USERS } from "./dev-seed/seed-users";
export { crossSiteRefusal } from "./http/cross-site-guard";
export { requestCredentials } from "./http/request-credentials";
export { InvalidBodyError, readJsonBody } from "./http/read-json-body";
export { sendJson } from "./http/send-json";
export { SESSION_COOKIE_NAME } from "./http/session-cookie";
export type { ISessionStore } from "./repositories/session-store";
export type { AuthTables } from "./repositories/sql-user-repository";
export { authMigrations } from "./migrations";
export type { ChangeUserRoles } from "./use-cases/change-user-roles";
export type { UserSummary } from "./use-cases/list-users";
// @anchor:exports
// @anchor:realtime-channels
