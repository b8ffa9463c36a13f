import { describe } from "vitest";
import { userRepositoryContract } from "../__tests__/user-repository-contract";
import { InMemoryUserRepository } from "./in-memory-user-repository";

describe("InMemoryUserRepository (test double) keeps the IUserRepository contract", () => {
  userRepositoryContract(() => new InMemoryUserRepository());
});
