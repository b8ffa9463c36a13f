import { afterEach, describe, expect, it } from "vitest";
import { findPageRealtimeConfig, publishPageRealtimeConfig } from "./page-realtime-config";

describe("page realtime config", () => {
  const unpublishers: (() => void)[] = [];
  afterEach(() => unpublishers.splice(0).forEach((unpublish) => unpublish()));

  it("hands pages the version the server published, a frozen copy", () => {
    const config = { protocolVersion: "2.0.0" };
    unpublishers.push(publishPageRealtimeConfig(config));
    expect(findPageRealtimeConfig()).toEqual({ protocolVersion: "2.0.0" });
    expect(Object.isFrozen(findPageRealtimeConfig())).toBe(true);
  });

  it("unpublishes only its own config, so a restarted server's stays", () => {
    const first = publishPageRealtimeConfig({ protocolVersion: "1.0.0" });
    unpublishers.push(publishPageRealtimeConfig({ protocolVersion: "2.0.0" }));
    first();
    expect(findPageRealtimeConfig()?.protocolVersion).toBe("2.0.0");
    unpublishers.splice(0).forEach((unpublish) => unpublish());
    expect(findPageRealtimeConfig()).toBeUndefined();
  });
});
