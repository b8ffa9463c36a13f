/** What the generators read from the environment, in one place (lint allows `process.env` only in `env.ts` files). */
export const generatorEnv = Object.freeze({
  /** Set by pnpm for the scripts it starts: the pnpm that runs this generator. */
  npmExecPath: process.env.npm_execpath,
});
