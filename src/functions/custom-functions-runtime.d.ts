/**
 * The part of the custom functions runtime API (the CustomFunctions global, provided by Excel in the shared runtime)
 * that functions.ts uses. See https://learn.microsoft.com/javascript/api/custom-functions-runtime.
 */
declare namespace CustomFunctions {
  enum ErrorCode {
    invalidValue = "#VALUE!",
    notAvailable = "#N/A",
    divisionByZero = "#DIV/0!",
    invalidNumber = "#NUM!",
    nullReference = "#NULL!",
    invalidName = "#NAME?",
    invalidReference = "#REF!",
  }

  class Error {
    constructor(errorCode: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }

  function associate(id: string, functionObject: (...args: never[]) => unknown): void;
}
