import { describe, expect, it } from "vitest";
import { Argon2PasswordHasher } from "./argon2-password-hasher";

const hasher = new Argon2PasswordHasher({ memoryCost: 1024, timeCost: 1 });

describe("Argon2PasswordHasher", () => {
  it("produces an argon2id PHC string that verifies only the right password", async () => {
    const stored = await hasher.hash("alice-password");
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(stored).not.toContain("alice-password");
    expect(await hasher.verify(stored, "alice-password")).toBe(true);
    expect(await hasher.verify(stored, "Alice-password")).toBe(false);
  });

  it("salts: the same password hashes differently each time", async () => {
    expect(await hasher.hash("same")).not.toBe(await hasher.hash("same"));
  });

  it("answers false for a stored value that is not an argon2 hash", async () => {
    expect(await hasher.verify("plain-text", "plain-text")).toBe(false);
  });

  it("verifies hashes made with other cost parameters (they travel in the PHC string)", async () => {
    const stronger = new Argon2PasswordHasher({ memoryCost: 2048, timeCost: 2 });
    expect(await hasher.verify(await stronger.hash("pw"), "pw")).toBe(true);
  });
});
