import { describe, expect, it } from "vitest";
import { featureRedisPrefix } from "./bind-context";
import type { FeatureConfig } from "./bind-context";

const config = (redisKeyPrefix?: string): FeatureConfig => ({
  env: "test",
  sessionSecret: "s".repeat(32),
  sessionTtlSeconds: 60,
  secureCookies: false,
  ...(redisKeyPrefix === undefined ? {} : { redisKeyPrefix }),
});

describe("featureRedisPrefix", () => {
  it("puts the app's prefix before the feature's own", () => {
    expect(featureRedisPrefix({ config: config("app:") }, "notifications:")).toBe("app:notifications:");
  });

  it("is the feature's prefix alone when the app sets none", () => {
    expect(featureRedisPrefix({ config: config() }, "polls:")).toBe("polls:");
  });
});
