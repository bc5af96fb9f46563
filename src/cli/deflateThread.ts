/**
 * Text deflated on a thread of its own: a generated sheet's XML is encoded as UTF-8, checked (CRC-32) and deflated
 * there while the main thread makes the next sheet. Encoding and checking took a tenth of score-sheet's main thread
 * on big workbooks, and zlib's asynchronous calls cost the main thread as much again. Where no thread can be
 * started, the same is done with libuv's deflate.
 */
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import { crc32, deflateRaw, type ZlibOptions } from "node:zlib";
import type { DeflatedText } from "../xlsx/zipPackage";

const deflateRawAsync = promisify<Uint8Array, ZlibOptions, Buffer>(deflateRaw);

/** The thread's code: plain JavaScript, so that it runs the same from the sources and the build. */
const THREAD = `
const { parentPort } = require("node:worker_threads");
const { crc32, deflateRawSync } = require("node:zlib");
parentPort.on("message", ({ id, pieces, level }) => {
  try {
    let size = 0;
    for (const piece of pieces) size += Buffer.byteLength(piece);
    const raw = Buffer.allocUnsafe(size);
    let at = 0;
    for (const piece of pieces) at += raw.write(piece, at);
    const deflated = deflateRawSync(raw, { level });
    const data = new Uint8Array(deflated.length);
    data.set(deflated);
    parentPort.postMessage({ id, size, crc: crc32(raw), data }, [data.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

type Reply = { id: number; size: number; crc: number; data: Uint8Array; error?: undefined } | { id: number; error: string };

/** Deflates text at `level` on a thread started when first asked (null once a thread could not be started). */
export function threadDeflater(level: number): (pieces: readonly string[]) => Promise<DeflatedText> {
  let worker: Worker | null | undefined;
  let next = 0;
  const waiting = new Map<number, { resolve(d: DeflatedText): void; reject(e: Error): void }>();
  const failAll = (error: Error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
    worker = null;
  };
  const start = (): Worker | null => {
    try {
      const started = new Worker(THREAD, { eval: true });
      started.on("message", (reply: Reply) => {
        const w = waiting.get(reply.id);
        waiting.delete(reply.id);
        if (waiting.size === 0) started.unref();
        if (reply.error !== undefined) w?.reject(new Error(reply.error));
        else w?.resolve({ size: reply.size, crc: reply.crc >>> 0, data: reply.data });
      });
      started.on("error", failAll);
      started.on("exit", () => failAll(new Error("the deflate thread stopped")));
      // The thread keeps the process alive only while it has work (listeners added after unref() would ref it).
      started.unref();
      return started;
    } catch {
      return null;
    }
  };
  return async (pieces) => {
    if (worker === undefined) worker = start();
    if (worker === null) {
      const raw = Buffer.concat(pieces.map((piece) => Buffer.from(piece, "utf8")));
      return { size: raw.length, crc: crc32(raw) >>> 0, data: await deflateRawAsync(raw, { level }) };
    }
    const id = next++;
    const done = new Promise<DeflatedText>((resolve, reject) => waiting.set(id, { resolve, reject }));
    worker.ref();
    worker.postMessage({ id, pieces, level });
    return done;
  };
}
