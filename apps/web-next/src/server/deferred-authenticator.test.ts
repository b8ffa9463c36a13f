import { describe, expect, it } from "vitest";
import { createDeferredAuthenticator } from "./deferred-authenticator";

describe("createDeferredAuthenticator", () => {
  it("holds calls until the real authenticator arrives, then delegates", async () => {
    const deferred = createDeferredAuthenticator();
    const pending = deferred.authenticator.authenticate({ token: "t" });
    deferred.resolve({ authenticate: async (credentials) => ({ userId: credentials.token ?? "none", roles: [] }) });
    expect(await pending).toEqual({ userId: "t", roles: [] });
    expect(await deferred.authenticator.authenticate({})).toEqual({ userId: "none", roles: [] });
  });

  it("rejects waiting and later calls when startup failed", async () => {
    const deferred = createDeferredAuthenticator();
    const pending = deferred.authenticator.authenticate({});
    deferred.reject(new Error("bind failed"));
    await expect(pending).rejects.toThrow("bind failed");
    await expect(deferred.authenticator.authenticate({})).rejects.toThrow("bind failed");
  });
});
