/**
 * The user's names of offices for the 责任单位 sheet, as the hosts read them: an alias file's JSON (the command line
 * reads `<workbook>.owners.json` and `kaohe-owners.json`); a workbook's 单位别名 sheet is read by summary.ts itself.
 */
export { aliasesFromJson, mergeAliases, type OwnerAliases } from "../core/summary/owners";
