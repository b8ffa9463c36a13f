/**
 * The one place this package reads the environment (lint allows `process.env`
 * only in `env.ts` files). A library has no schema of its own to validate
 * against: it reads one well-known variable, and callers that know better
 * pass options explicitly (`createLogger({ pretty })`).
 */
export const observabilityEnv = Object.freeze({
  /** `NODE_ENV=development` makes `createLogger` pretty-print on a terminal; read per call, as Next may set it late. */
  isDevelopment: (): boolean => process.env.NODE_ENV === "development",
});
