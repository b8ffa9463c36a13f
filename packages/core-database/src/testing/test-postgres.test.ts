import pg from "pg";
import { expect, it } from "vitest";
import { createTestPostgresDatabase, describeWithPostgres, probePostgres } from "./test-postgres";

describeWithPostgres(await probePostgres())("createTestPostgresDatabase", () => {
  it("creates a database of its own and drops it, even with a session still connected", async () => {
    const created = await createTestPostgresDatabase("kit");
    expect(created.name).toMatch(/^test_kit_[0-9a-f]{32}$/);
    const client = new pg.Client({ connectionString: created.url });
    client.on("error", () => undefined);
    await client.connect();
    expect((await client.query("select current_database() as name")).rows).toEqual([{ name: created.name }]);
    await created.drop();
    await client.end().catch(() => undefined);
    const again = new pg.Client({ connectionString: created.url });
    again.on("error", () => undefined);
    await expect(again.connect()).rejects.toThrow(/does not exist/);
  });
});

it("reports an unreachable server as unavailable instead of throwing", async () => {
  await expect(probePostgres("postgres://postgres@127.0.0.1:1/none")).resolves.toBe(false);
});
