import type { InvalidTestCase } from "@typescript-eslint/rule-tester";

import { inWorkspace, locationOf, ruleTester } from "../__tests__/rule-test-kit";
import type { NoDirectJobVendorOptions } from "./no-direct-job-vendor";
import { DEFAULT_JOB_VENDOR_ALLOW, noDirectJobVendor } from "./no-direct-job-vendor";

const featureFile = inWorkspace("packages/polls/src/schedule.ts");
const defaultAllowed = DEFAULT_JOB_VENDOR_ALLOW.join(" or ");

function invalid(
  name: string,
  code: string,
  { needle, module, filename = featureFile, options, allowed = defaultAllowed }: {
    needle: string;
    module: string;
    filename?: string;
    options?: NoDirectJobVendorOptions;
    allowed?: string;
  },
): InvalidTestCase<"noDirectJobVendor", NoDirectJobVendorOptions> {
  return {
    name,
    code,
    filename,
    ...(options === undefined ? {} : { options }),
    errors: [{ messageId: "noDirectJobVendor", data: { module, allowed }, ...locationOf(code, needle) }],
  };
}

ruleTester.run("no-direct-job-vendor", noDirectJobVendor, {
  valid: [
    { name: "the events package itself", code: 'import { Queue } from "bullmq";', filename: inWorkspace("packages/core-events/src/bullmq-job-queue.ts") },
    { name: "nested files of the events package", code: 'import PgBoss from "pg-boss";', filename: inWorkspace("packages/core-events/src/pg/boss.ts") },
    { name: "the IJobQueue seam", code: 'import type { IJobQueue } from "@repo/core-events";', filename: featureFile },
    { name: "names that merely start alike", code: 'import { x } from "bullmq-extra";\nimport { y } from "bull-board";', filename: featureFile },
    {
      name: "a vendor removed from the list",
      code: 'import Agenda from "agenda";',
      filename: featureFile,
      options: [{ vendors: ["bullmq"] }],
    },
    {
      name: "a configured allowlist",
      code: 'import { Queue } from "bullmq";',
      filename: inWorkspace("packages/polls/src/schedule.ts"),
      options: [{ allow: ["packages/polls/src/schedule.ts"] }],
    },
  ],
  invalid: [
    invalid("bullmq import", 'import { Queue } from "bullmq";', { needle: '"bullmq"', module: "bullmq" }),
    invalid("bull import", 'import Bull from "bull";', { needle: '"bull"', module: "bull" }),
    invalid("bee-queue require()", 'const BeeQueue = require("bee-queue");', { needle: '"bee-queue"', module: "bee-queue" }),
    invalid("agenda dynamic import()", 'export const load = () => import("agenda");', { needle: '"agenda"', module: "agenda" }),
    invalid("pg-boss type-only import", 'import type PgBoss from "pg-boss";', { needle: '"pg-boss"', module: "pg-boss" }),
    invalid("subpath import", 'import { Worker } from "bullmq/dist/esm/classes/worker";', {
      needle: '"bullmq/dist/esm/classes/worker"',
      module: "bullmq",
    }),
    invalid("re-export", 'export { Queue } from "bullmq";', { needle: '"bullmq"', module: "bullmq" }),
    invalid("package.json imports alias (#queue -> bullmq)", 'import { Queue } from "#queue";', {
      needle: '"#queue"',
      module: "bullmq",
    }),
    invalid("an app", 'import { Queue } from "bullmq";', {
      needle: '"bullmq"',
      module: "bullmq",
      filename: inWorkspace("apps/web/server.ts"),
    }),
    invalid("an extra configured vendor", 'import { Queue } from "graphile-worker";', {
      needle: '"graphile-worker"',
      module: "graphile-worker",
      options: [{ vendors: ["graphile-worker"] }],
    }),
    invalid("a configured allowlist replaces the default", 'import { Queue } from "bullmq";', {
      needle: '"bullmq"',
      module: "bullmq",
      filename: inWorkspace("packages/core-events/src/bullmq-job-queue.ts"),
      options: [{ allow: ["packages/jobs/**"] }],
      allowed: "packages/jobs/**",
    }),
  ],
});
