/**
 * The part of the custom functions runtime API (the CustomFunctions global, provided by Excel in the shared runtime)
 * that functions.ts uses. See https://learn.microsoft.com/javascript/api/custom-functions-runtime. The "[Api set: …]"
 * lines are Microsoft's, as in Office.js's declarations; test/manifestApis.test.ts reads them to derive the
 * requirement sets the manifests declare.
 */
declare namespace CustomFunctions {
  /**
   * Error codes a custom function may return.
   * [Api set: CustomFunctionsRuntime 1.2]
   */
  enum ErrorCode {
    invalidValue = "#VALUE!",
    notAvailable = "#N/A",
    divisionByZero = "#DIV/0!",
    invalidNumber = "#NUM!",
    nullReference = "#NULL!",
    invalidName = "#NAME?",
    invalidReference = "#REF!",
  }

  /**
   * An error a custom function returns, with its message shown in the cell.
   * [Api set: CustomFunctionsRuntime 1.2]
   */
  class Error {
    constructor(errorCode: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }

  /**
   * Associates a function id (the metadata's) with the function.
   * [Api set: CustomFunctionsRuntime 1.1]
   */
  function associate(id: string, functionObject: (...args: never[]) => unknown): void;
}
