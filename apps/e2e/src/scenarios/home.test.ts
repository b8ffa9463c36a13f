import { expect, it } from "vitest";
import { ALICE, BOB, describeInBrowser, saveDocScreenshot, saveScreenshot, UI_TIMEOUT_MS, useSignedInPair } from "../index";

describeInBrowser("home page, production build, in-memory", () => {
  const pair = useSignedInPair();

  it("signs alice and bob in through the form, each in an isolated context with their own session", async () => {
    const { alice, bob } = pair;
    await expect.poll(() => alice.page.getByTestId("user-id").textContent()).toBe(ALICE.id);
    await expect.poll(() => bob.page.getByTestId("user-id").textContent()).toBe(BOB.id);
    const aliceCookies = await alice.context.cookies();
    const bobCookies = await bob.context.cookies();
    const session = (cookies: typeof aliceCookies) => cookies.find((cookie) => cookie.name === "session")?.value;
    expect(session(aliceCookies)).toBeDefined();
    expect(session(bobCookies)).toBeDefined();
    expect(session(aliceCookies)).not.toBe(session(bobCookies));
    await saveScreenshot(bob.page, "home-bob");
  });

  it("connects live and shows a completed ping round-trip in both tabs", async () => {
    const { alice, bob } = pair;
    for (const { page } of [alice, bob]) {
      await expect.poll(() => page.getByTestId("connection-status").getAttribute("data-state"), { timeout: UI_TIMEOUT_MS }).toBe("connected");
      await expect.poll(() => page.getByTestId("round-trip").textContent(), { timeout: UI_TIMEOUT_MS }).toMatch(/^\d+ ms$/);
    }
    await saveDocScreenshot(alice.page, "home");
    expect(alice.pageErrors).toEqual([]);
    expect(bob.pageErrors).toEqual([]);
  });
});
