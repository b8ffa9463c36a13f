import { context } from "@opentelemetry/api";
import type { Tracer } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";

export interface InMemoryTracing {
  tracer: Tracer;
  /** Spans that have ended, in end order. */
  finishedSpans(): ReadableSpan[];
  reset(): void;
  shutdown(): Promise<void>;
}

/**
 * A real OpenTelemetry SDK tracer exporting to memory. Registers an
 * AsyncLocalStorage context manager so nested spans get their parent across
 * `await`; `shutdown()` unregisters it.
 */
export function createInMemoryTracing(): InMemoryTracing {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  return {
    tracer: provider.getTracer("test"),
    finishedSpans: () => exporter.getFinishedSpans(),
    reset: () => exporter.reset(),
    async shutdown() {
      context.disable();
      await provider.shutdown();
    },
  };
}
