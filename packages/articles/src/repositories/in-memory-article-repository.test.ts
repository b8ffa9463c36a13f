import { articleRepositoryContract } from "../__tests__/article-repository-contract";
import { InMemoryArticleRepository } from "./in-memory-article-repository";

articleRepositoryContract("InMemoryArticleRepository", async () => new InMemoryArticleRepository());
