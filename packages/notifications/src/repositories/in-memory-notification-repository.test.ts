import { notificationRepositoryContract } from "../__tests__/notification-repository-contract";
import { InMemoryNotificationRepository } from "./in-memory-notification-repository";

notificationRepositoryContract("InMemoryNotificationRepository", async (options) => new InMemoryNotificationRepository(options));
