import { voteRepositoryContract } from "../__tests__/vote-repository-contract";
import { InMemoryVoteRepository } from "./in-memory-vote-repository";

voteRepositoryContract("InMemoryVoteRepository", async () => new InMemoryVoteRepository());
