export { describeRepositoryContract } from "./describe-repository-contract";
export type { RepositoryContractContext, RepositoryContractOptions } from "./describe-repository-contract";
export { openInMemoryDatabase, openTestPostgresDatabase } from "./test-databases";
export { createTestPostgresDatabase, describeWithPostgres, probePostgres, TEST_POSTGRES_URL } from "./test-postgres";
export type { TestPostgresDatabase } from "./test-postgres";
export { seedDataDir } from "./seed-data-dir";
