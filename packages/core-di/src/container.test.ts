import { describe, expect, it } from "vitest";
import { createContainer } from "./container";
import { DuplicateBindingError, MissingBindingError } from "./container-errors";
import { token } from "./token";

interface Greeter {
  greet(name: string): string;
}

const greeterToken = token<Greeter>("test.greeter");
const countToken = token<number>("test.count");

describe("createContainer", () => {
  it("returns the value bound to a token", () => {
    const container = createContainer("test");
    const greeter: Greeter = { greet: (name) => `hi ${name}` };
    container.bind(greeterToken, greeter);
    expect(container.get(greeterToken)).toBe(greeter);
    expect(container.get(greeterToken).greet("ann")).toBe("hi ann");
  });

  it("reports which tokens are bound", () => {
    const container = createContainer("test");
    expect(container.has(countToken)).toBe(false);
    container.bind(countToken, 0);
    expect(container.has(countToken)).toBe(true);
    expect(container.boundTokens()).toEqual(["test.count"]);
  });

  it("refuses a second binding of the same token", () => {
    const container = createContainer("polls");
    container.bind(countToken, 1);
    expect(() => container.bind(countToken, 2)).toThrow(DuplicateBindingError);
    expect(() => container.bind(countToken, 2)).toThrow('"test.count" is already bound in container "polls"');
    expect(container.get(countToken)).toBe(1);
  });

  it("names the token and the container when a binding is missing", () => {
    const container = createContainer("auth");
    const error = (() => {
      try {
        container.get(greeterToken);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MissingBindingError);
    expect((error as MissingBindingError).message).toBe('No binding for "test.greeter" in container "auth"');
    expect((error as MissingBindingError).tokenDescription).toBe("test.greeter");
    expect((error as MissingBindingError).containerName).toBe("auth");
  });

  it("treats tokens with the same description as different keys", () => {
    const a = token<string>("same");
    const b = token<string>("same");
    const container = createContainer("test");
    container.bind(a, "a");
    expect(container.has(b)).toBe(false);
    container.bind(b, "b");
    expect([container.get(a), container.get(b)]).toEqual(["a", "b"]);
  });

  it("keeps falsy values (0, empty string, null) as real bindings", () => {
    const nullable = token<string | null>("test.nullable");
    const container = createContainer("test");
    container.bind(countToken, 0);
    container.bind(nullable, null);
    expect(container.get(countToken)).toBe(0);
    expect(container.get(nullable)).toBeNull();
  });
});
