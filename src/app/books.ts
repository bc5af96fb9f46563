/**
 * Read a workbook's books: every sheet through the adapter, the books found on them and, for a sheet without one,
 * why. The command line's `tree` lists them; a check (check.ts) starts from the same reading.
 */
import { readBooks, type Reading } from "../core/layout";
import type { ReadProgress, WorkbookAdapter } from "../excel/adapter";

export async function readWorkbookBooks(adapter: Pick<WorkbookAdapter, "readSheets">, onProgress?: (p: ReadProgress) => void): Promise<Reading> {
  return readBooks(await adapter.readSheets(onProgress));
}
