/**
 * jsdom (the task pane's tests) has no TextDecoder / TextEncoder, which every browser and Node have and the .xlsx
 * reader uses: the test environment gets Node's.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";

const globals = globalThis as unknown as Record<string, unknown>;
globals.TextDecoder ??= NodeTextDecoder;
globals.TextEncoder ??= NodeTextEncoder;
