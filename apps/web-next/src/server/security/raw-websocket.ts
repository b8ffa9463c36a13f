import { randomBytes } from "node:crypto";
import { request } from "node:http";
import type { Socket } from "node:net";
import { REALTIME_PROTOCOL_VERSION } from "@repo/core-realtime";

/**
 * A deliberately naive WebSocket client over `node:http`'s upgrade: it speaks
 * RFC 6455 framing by hand so tests can send what no well-behaved library
 * would (unmasked frames, reserved bits, bad opcodes, lying lengths, binary
 * garbage), and records every text frame the server sends back. Engine.io's
 * heartbeat (`2` ping -> `3` pong) is answered so long tests stay connected.
 */

export const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

export interface RawFrame {
  readonly opcode: number;
  readonly payload: Buffer | string;
  readonly fin?: boolean;
  /** RFC 6455 requires clients to mask; `false` sends a protocol violation. */
  readonly mask?: boolean;
  /** The three reserved bits (0-7); anything but 0 is a protocol violation without an extension. */
  readonly rsv?: number;
}

export interface RawWebSocket {
  /** Text frames received, in order (engine.io packets: `0{...}` open, `40{...}` connect, `43n[...]` ack, ...). */
  readonly texts: string[];
  /** Resolves when the TCP connection is gone. */
  readonly closed: Promise<void>;
  /** True once the server sent a close frame or the TCP connection ended. */
  isClosed(): boolean;
  /** The status code of the server's close frame (1002 protocol error, 1009 too big, ...), if it sent one. */
  closeCode(): number | undefined;
  sendText(text: string): void;
  sendFrame(frame: RawFrame): void;
  /** Bytes straight onto the TCP socket, no framing at all. */
  sendRaw(bytes: Buffer): void;
  /** Resolves with the first received text (already received or future) that satisfies `match`. */
  waitForText(match: (text: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Stops reading from the TCP socket, as a stalled client would: the server's writes back up. */
  pauseReading(): void;
  destroy(): void;
}

export interface OpenRawWebSocketOptions {
  readonly headers?: Readonly<Record<string, string>>;
  /** Defaults to the engine.io v4 WebSocket endpoint. */
  readonly path?: string;
}

/** Encodes one client frame (masked unless told otherwise). */
function encodeFrame(frame: RawFrame): Buffer {
  const payload = typeof frame.payload === "string" ? Buffer.from(frame.payload) : frame.payload;
  const mask = frame.mask ?? true;
  const first = ((frame.fin ?? true) ? 0x80 : 0) | (((frame.rsv ?? 0) & 0x7) << 4) | (frame.opcode & 0xf);
  let header: Buffer;
  if (payload.length < 126) {
    header = Buffer.from([first, (mask ? 0x80 : 0) | payload.length]);
  } else if (payload.length < 65_536) {
    header = Buffer.alloc(4);
    header.writeUInt8(first, 0);
    header.writeUInt8((mask ? 0x80 : 0) | 126, 1);
    header.writeUInt16BE(payload.length, 2);
  } else {
    header = Buffer.alloc(10);
    header.writeUInt8(first, 0);
    header.writeUInt8((mask ? 0x80 : 0) | 127, 1);
    header.writeBigUInt64BE(BigInt(payload.length), 2);
  }
  if (!mask) return Buffer.concat([header, payload]);
  const key = randomBytes(4);
  const masked = Buffer.alloc(payload.length);
  for (let i = 0; i < payload.length; i++) masked[i] = (payload[i] ?? 0) ^ (key[i % 4] ?? 0);
  return Buffer.concat([header, key, masked]);
}

/** Splits complete server frames off `buffer`; returns the frames and what is left over. */
function decodeServerFrames(buffer: Buffer): { frames: { opcode: number; payload: Buffer }[]; rest: Buffer } {
  const frames: { opcode: number; payload: Buffer }[] = [];
  let offset = 0;
  while (buffer.length - offset >= 2) {
    const opcode = (buffer[offset] ?? 0) & 0xf;
    let length = (buffer[offset + 1] ?? 0) & 0x7f;
    let headerLength = 2;
    if (length === 126) {
      if (buffer.length - offset < 4) break;
      length = buffer.readUInt16BE(offset + 2);
      headerLength = 4;
    } else if (length === 127) {
      if (buffer.length - offset < 10) break;
      length = Number(buffer.readBigUInt64BE(offset + 2));
      headerLength = 10;
    }
    if (buffer.length - offset < headerLength + length) break;
    frames.push({ opcode, payload: buffer.subarray(offset + headerLength, offset + headerLength + length) });
    offset += headerLength + length;
  }
  return { frames, rest: buffer.subarray(offset) };
}

function wrap(socket: Socket, head: Buffer): RawWebSocket {
  const texts: string[] = [];
  const waiters = new Set<() => void>();
  let pending = head;
  let closed = false;
  let closeCode: number | undefined;
  const closedPromise = new Promise<void>((resolve) => {
    socket.once("close", () => {
      closed = true;
      waiters.forEach((wake) => wake());
      resolve();
    });
  });
  const send = (frame: RawFrame): void => {
    if (!socket.destroyed) socket.write(encodeFrame(frame));
  };
  const onData = (chunk: Buffer): void => {
    const { frames, rest } = decodeServerFrames(Buffer.concat([pending, chunk]));
    pending = rest;
    for (const frame of frames) {
      if (frame.opcode === OPCODE.text) {
        const text = frame.payload.toString("utf8");
        texts.push(text);
        if (text === "2") send({ opcode: OPCODE.text, payload: "3" });
      } else if (frame.opcode === OPCODE.ping) {
        send({ opcode: OPCODE.pong, payload: frame.payload });
      } else if (frame.opcode === OPCODE.close) {
        // Answer like a real client so the server need not wait out its close timeout.
        closeCode = frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : 1005;
        closed = true;
        send({ opcode: OPCODE.close, payload: frame.payload.subarray(0, 2) });
        socket.end();
      }
    }
    if (frames.length > 0) waiters.forEach((wake) => wake());
  };
  socket.on("data", onData);
  // The server resetting a connection we abused is an expected outcome, not a test failure.
  socket.on("error", () => socket.destroy());
  if (head.length > 0) onData(Buffer.alloc(0));

  return {
    texts,
    closed: closedPromise,
    isClosed: () => closed,
    closeCode: () => closeCode,
    sendText: (text) => send({ opcode: OPCODE.text, payload: text }),
    sendFrame: send,
    sendRaw: (bytes) => {
      if (!socket.destroyed) socket.write(bytes);
    },
    waitForText: (match, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        let seen = 0;
        const check = (): void => {
          for (; seen < texts.length; seen++) {
            const text = texts[seen];
            if (text !== undefined && match(text)) return finish(() => resolve(text));
          }
          if (closed) finish(() => reject(new Error(`connection closed before a matching frame; got ${JSON.stringify(texts)}`)));
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`no matching frame in ${timeoutMs} ms; got ${JSON.stringify(texts)}`))), timeoutMs);
        const finish = (settle: () => void): void => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      }),
    pauseReading: () => void socket.pause(),
    destroy: () => socket.destroy(),
  };
}

/**
 * The handshake `auth` a current client sends (gate 1 refuses one without `version`), as JSON, plus `extra`.
 *
 * @example
 * handshakeAuth({ token }); // '{"version":"1.0.0","token":"..."}'
 */
export function handshakeAuth(extra: Readonly<Record<string, unknown>> = {}): string {
  return JSON.stringify({ version: REALTIME_PROTOCOL_VERSION, ...extra });
}

/**
 * A Socket.IO CONNECT packet for the main namespace with `auth` (JSON text; default a current client's).
 *
 * @example
 * ws.sendText(connectPacket(handshakeAuth({ token })));
 */
export function connectPacket(auth: string = handshakeAuth()): string {
  return `40${auth}`;
}

/**
 * Opens a WebSocket to the app's engine.io endpoint and resolves once the
 * server accepted the upgrade; rejects with the HTTP status otherwise.
 *
 * @example
 * const ws = await openRawWebSocket(server.url);
 * await ws.waitForText((text) => text.startsWith("0")); // engine.io open packet
 * ws.sendText(connectPacket());                         // Socket.IO CONNECT
 */
export function openRawWebSocket(baseUrl: string, options: OpenRawWebSocketOptions = {}): Promise<RawWebSocket> {
  const url = new URL(options.path ?? "/socket.io/?EIO=4&transport=websocket", baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({
      hostname: url.hostname,
      port: url.port,
      path: `${url.pathname}${url.search}`,
      headers: {
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": randomBytes(16).toString("base64"),
        ...options.headers,
      },
    });
    req.once("upgrade", (_response, socket, head) => resolve(wrap(socket, head)));
    req.once("response", (response) => {
      response.resume();
      reject(new Error(`upgrade refused with HTTP ${response.statusCode}`));
    });
    req.once("error", reject);
    req.end();
  });
}
