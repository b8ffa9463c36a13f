export { describeRepositoryContract } from "./describe-repository-contract";
export { openInMemoryDatabase, openTestPostgresDatabase } from "./test-databases";
export { createTestPostgresDatabase, describeWithPostgres, probePostgres } from "./test-postgres";
export type { TestPostgresDatabase } from "./test-postgres";
export { seedDataDir } from "./seed-data-dir";
