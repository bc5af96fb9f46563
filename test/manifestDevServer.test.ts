/**
 * `npm start` (webpack serve) serves what the manifest says and nothing wider: without development certificates it
 * refuses to start, since the manifest's address is https (no silent fallback to http); `npm run start:http` serves
 * plain http with a manifest that says so; and the server listens on this computer only (localhost), not on the
 * machine's network addresses.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const WEBPACK = path.join(ROOT, "node_modules/webpack/bin/webpack.js");
/** A home without ~/.office-addin-dev-certs. */
const HOME = mkdtempSync(path.join(tmpdir(), "kaohe-home-"));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function get(host: string, port: number, file: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path: file, timeout: 5000 }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.end();
  });
}

let server: ChildProcess | undefined;
afterAll(() => {
  if (server?.pid && server.exitCode === null) server.kill("SIGTERM");
});

test("without development certificates, npm start refuses http and says how to get https (Chinese first)", () => {
  const result = spawnSync(process.execPath, [WEBPACK, "serve", "--mode", "development"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, HOME, USERPROFILE: HOME }, timeout: 120_000 });
  expect(result.status).not.toBe(0);
  const output = result.stdout + result.stderr;
  expect(output).toContain("没有找到开发证书");
  expect(output).toContain("npm run dev-certs");
  expect(output.indexOf("没有找到开发证书")).toBeLessThan(output.indexOf("no development certificates"));
}, 120_000);

test("npm run start:http serves the add-in on localhost only, with a manifest that says http://localhost", async () => {
  const port = await freePort();
  server = spawn(process.execPath, [WEBPACK, "serve", "--mode", "development", "--env", "http", "--env", `port=${port}`], { cwd: ROOT, env: { ...process.env, HOME }, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev server did not start:\n${log}`)), 150_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (/compiled (successfully|with)/.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    };
    server!.stdout!.on("data", onData);
    server!.stderr!.on("data", onData);
    server!.on("exit", (code) => reject(new Error(`dev server exited (${code}):\n${log}`)));
  });
  const page = await get("localhost", port, "/taskpane.html");
  expect(page.status).toBe(200);
  const manifest = await get("localhost", port, "/manifest.xml");
  expect(manifest.body).toContain(`<SourceLocation DefaultValue="http://localhost:${port}/taskpane.html"/>`);
  // Not reachable from the network: every non-loopback address of this machine refuses the connection.
  const external = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal && a.family === "IPv4")
    .map((a) => a!.address);
  for (const address of external) await expect(get(address, port, "/taskpane.html")).rejects.toThrow(/ECONNREFUSED|timeout|EHOSTUNREACH/);
}, 180_000);
