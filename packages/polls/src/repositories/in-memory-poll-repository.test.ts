import { pollRepositoryContract } from "../__tests__/poll-repository-contract";
import { InMemoryPollRepository } from "./in-memory-poll-repository";

pollRepositoryContract("InMemoryPollRepository", async () => new InMemoryPollRepository());
