import { describeRepositoryContract } from "@repo/core-database/testing";
import { userRepositoryContract } from "../__tests__/user-repository-contract";
import { authMigrations } from "../migrations";
import { SqlUserRepository } from "./sql-user-repository";

describeRepositoryContract("SqlUserRepository", ({ database }) => {
  userRepositoryContract(() => new SqlUserRepository(database()));
}, { migrations: [authMigrations] });
