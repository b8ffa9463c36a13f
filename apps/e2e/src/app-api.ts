import type { SeedUser } from "./seed-users";

const REQUEST_TIMEOUT_MS = 15_000;

/** A non-2xx answer from the app, with the tRPC error code when there is one. */
class AppApiError extends Error {
  override readonly name = "AppApiError";
  readonly status: number;
  readonly code: string | undefined;

  constructor(message: string, status: number, code: string | undefined) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function errorCodeOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || !("error" in body)) return undefined;
  const { error } = body;
  if (typeof error !== "object" || error === null || !("data" in error)) return undefined;
  const { data } = error;
  const code = typeof data === "object" && data !== null && "code" in data ? data.code : undefined;
  return typeof code === "string" ? code : undefined;
}

/**
 * The app's HTTP API as one user, for what a test drives from outside the
 * browser (a stream of events while a page reloads). Signs in through
 * `POST /api/auth/login` and calls tRPC procedures as plain JSON with the
 * Bearer token, like any non-browser client.
 *
 * @example
 * const api = await AppApi.signIn(server.url, ALICE);
 * await api.mutate("notifications.send", { userId: "bob", title: "Hi", body: "" });
 */
export class AppApi {
  readonly baseUrl: string;
  readonly #token: string;

  private constructor(baseUrl: string, token: string) {
    this.baseUrl = baseUrl;
    this.#token = token;
  }

  static async signIn(baseUrl: string, user: SeedUser): Promise<AppApi> {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: user.username, password: user.password }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body: unknown = await response.json();
    const token = typeof body === "object" && body !== null && "token" in body ? body.token : undefined;
    if (!response.ok || typeof token !== "string") {
      throw new AppApiError(`sign-in of ${user.username} answered ${response.status}`, response.status, errorCodeOf(body));
    }
    return new AppApi(baseUrl, token);
  }

  /** Runs a tRPC mutation (`POST /api/trpc/<path>`) and returns its `result.data`. */
  async mutate(path: string, input: unknown): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${this.#token}` },
      body: JSON.stringify(input),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body: unknown = await response.json();
    if (!response.ok) {
      const code = errorCodeOf(body);
      throw new AppApiError(`${path} answered ${response.status} ${code ?? ""}`.trim(), response.status, code);
    }
    const result = typeof body === "object" && body !== null && "result" in body ? body.result : undefined;
    return typeof result === "object" && result !== null && "data" in result ? result.data : undefined;
  }
}
