/**
 * A small evaluator for the formula shapes the scoring sheets use (IF, MIN, MAX, ABS, SUM, COUNT, AVERAGE,
 * SUMPRODUCT, ROUND, OR, comparisons, arithmetic, ranges, array constants) with KH.* calls going to the function
 * library - so the KH variant of a sheet is checked through the same implementations the add-in runs.
 */
import type ExcelJS from "exceljs";
import * as library from "../../src/functions/library";
import { cellValue } from "../../src/cli/xlsxRead";
import { parseA1 } from "../../src/core/grid";

type Scalar = string | number | boolean | null;
type Value = Scalar | Scalar[][];

interface Token {
  type: "num" | "str" | "id" | "ref" | "op";
  text: string;
}

function tokenize(f: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?)|("(?:[^"]|"")*")|(\$?[A-Z]{1,3}\$?\d+)(?![A-Za-z(.])|([A-Za-z_][A-Za-z0-9_.]*)|(<>|<=|>=|[-+*/=<>,(){}:;]))/y;
  let m: RegExpExecArray | null;
  while (re.lastIndex < f.length && (m = re.exec(f))) {
    if (m[1] !== undefined) tokens.push({ type: "num", text: m[1] });
    else if (m[2] !== undefined) tokens.push({ type: "str", text: m[2].slice(1, -1).replace(/""/g, '"') });
    else if (m[3] !== undefined) tokens.push({ type: "ref", text: m[3].replace(/\$/g, "") });
    else if (m[4] !== undefined) tokens.push({ type: "id", text: m[4] });
    else tokens.push({ type: "op", text: m[5] });
  }
  if (re.lastIndex < f.trimEnd().length) throw new Error(`cannot read formula at ${re.lastIndex}: ${f}`);
  return tokens;
}

type Node =
  | { k: "lit"; v: Value }
  | { k: "ref"; from: string; to: string | null }
  | { k: "call"; name: string; args: (Node | null)[] }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "neg"; a: Node };

function parse(tokens: Token[]): Node {
  let i = 0;
  const peek = () => tokens[i];
  const eat = (text?: string) => {
    const t = tokens[i++];
    if (text !== undefined && t?.text !== text) throw new Error(`expected ${text}, got ${t?.text}`);
    return t;
  };
  const comparison = (): Node => {
    let a = additive();
    while (peek()?.type === "op" && ["=", "<>", "<", ">", "<=", ">="].includes(peek().text)) a = { k: "bin", op: eat().text, a, b: additive() };
    return a;
  };
  const additive = (): Node => {
    let a = term();
    while (peek()?.type === "op" && ["+", "-"].includes(peek().text)) a = { k: "bin", op: eat().text, a, b: term() };
    return a;
  };
  const term = (): Node => {
    let a = unary();
    while (peek()?.type === "op" && ["*", "/"].includes(peek().text)) a = { k: "bin", op: eat().text, a, b: unary() };
    return a;
  };
  const unary = (): Node => (peek()?.text === "-" ? (eat(), { k: "neg", a: unary() }) : primary());
  const primary = (): Node => {
    const t = eat();
    if (t.type === "num") return { k: "lit", v: Number(t.text) };
    if (t.type === "str") return { k: "lit", v: t.text };
    if (t.type === "ref") {
      if (peek()?.text === ":") {
        eat();
        return { k: "ref", from: t.text, to: eat().text };
      }
      return { k: "ref", from: t.text, to: null };
    }
    if (t.type === "id") {
      if (t.text === "TRUE" || t.text === "FALSE") return { k: "lit", v: t.text === "TRUE" };
      eat("(");
      const args: (Node | null)[] = [];
      if (peek()?.text !== ")") {
        for (;;) {
          args.push(peek()?.text === "," || peek()?.text === ")" ? null : comparison());
          if (peek()?.text === ",") eat();
          else break;
        }
      }
      eat(")");
      return { k: "call", name: t.text, args };
    }
    if (t.text === "(") {
      const e = comparison();
      eat(")");
      return e;
    }
    if (t.text === "{") {
      const row: Scalar[] = [];
      for (;;) {
        const neg = peek().text === "-" ? (eat(), -1) : 1;
        const v = eat();
        row.push(v.type === "num" ? neg * Number(v.text) : v.text);
        if (peek().text === ",") eat();
        else break;
      }
      eat("}");
      return { k: "lit", v: [row] };
    }
    throw new Error(`unexpected ${t.text}`);
  };
  const node = comparison();
  if (i !== tokens.length) throw new Error("trailing tokens");
  return node;
}

const flat = (v: Value): Scalar[] => (Array.isArray(v) ? v.flat() : [v]);
const numbers = (vs: Value[]): number[] => vs.flatMap(flat).filter((x): x is number => typeof x === "number");
const blank = (v: Scalar) => v === null || v === "";
const toNum = (v: Value): number => {
  if (Array.isArray(v)) throw new Error("range where a value belongs");
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (blank(v)) return 0;
  throw new Error(`not a number: ${String(v)}`);
};

/** Evaluates formula cells of one worksheet, reading other cells' values (recursively for formulas). */
export class SheetEvaluator {
  private memo = new Map<string, Scalar>();
  constructor(private sheet: ExcelJS.Worksheet) {}

  cell(address: string): Scalar {
    if (this.memo.has(address)) return this.memo.get(address)!;
    const raw = this.sheet.getCell(address).value;
    let v: Scalar;
    if (raw !== null && typeof raw === "object" && "formula" in raw && typeof raw.formula === "string") v = this.formula(raw.formula);
    else {
      const c = cellValue(raw);
      v = c === "" ? null : c;
    }
    this.memo.set(address, v);
    return v;
  }

  formula(f: string): Scalar {
    const v = this.eval(parse(tokenize(f)));
    if (Array.isArray(v)) throw new Error("a range as a result");
    return v;
  }

  private range(from: string, to: string): Scalar[][] {
    const a = parseA1(from), b = parseA1(to);
    const rows: Scalar[][] = [];
    for (let r = a.row; r <= b.row; r++) {
      const row: Scalar[] = [];
      for (let c = a.col; c <= b.col; c++) row.push(this.cell(`${colName(c)}${r + 1}`));
      rows.push(row);
    }
    return rows;
  }

  private eval(n: Node): Value {
    switch (n.k) {
      case "lit":
        return n.v;
      case "ref":
        return n.to === null ? this.cell(n.from) : this.range(n.from, n.to);
      case "neg":
        return -toNum(this.eval(n.a));
      case "bin": {
        const a = this.eval(n.a), b = this.eval(n.b);
        if (["=", "<>"].includes(n.op)) {
          const eq = b === "" || a === "" ? blank(a as Scalar) && blank(b as Scalar) : a === b || (typeof b === "boolean" && toNum(a) === toNum(b));
          return n.op === "=" ? eq : !eq;
        }
        const x = toNum(a), y = toNum(b);
        switch (n.op) {
          case "<": return x < y;
          case ">": return x > y;
          case "<=": return x <= y;
          case ">=": return x >= y;
          case "+": return x + y;
          case "-": return x - y;
          case "*": return x * y;
          default: return x / y;
        }
      }
      case "call":
        return this.call(n.name, n.args);
    }
  }

  private call(name: string, args: (Node | null)[]): Value {
    if (name === "IF") {
      const cond = this.eval(args[0]!);
      return this.eval((cond === true || (typeof cond === "number" && cond !== 0) ? args[1] : args[2]) ?? { k: "lit", v: false });
    }
    const vals = args.map((a) => (a === null ? null : this.eval(a)));
    switch (name) {
      case "MIN": return Math.min(...numbers(vals));
      case "MAX": return Math.max(...numbers(vals));
      case "ABS": return Math.abs(toNum(vals[0]));
      case "SUM": return numbers(vals).reduce((s, x) => s + x, 0);
      case "COUNT": return numbers(vals).length;
      case "COUNTA": return vals.flatMap((v) => (v === null ? [] : flat(v))).filter((v) => v !== null && v !== "").length;
      case "AVERAGE": { const xs = numbers(vals); return xs.reduce((s, x) => s + x, 0) / xs.length; }
      case "ROUND": { const p = 10 ** toNum(vals[1]); return Math.round(toNum(vals[0]) * p) / p; }
      case "OR": return vals.some((v) => v === true || v === 1);
      case "SUMPRODUCT": { const a = flat(vals[0]), b = flat(vals[1]); return a.reduce<number>((s, x, i) => s + toNum(x) * toNum(b[i]), 0); }
    }
    if (!name.startsWith("KH.")) throw new Error(`unknown function ${name}`);
    const fn = (library as unknown as Record<string, (...xs: unknown[]) => Value>)[name.slice(3)];
    if (!fn) throw new Error(`unknown function ${name}`);
    return fn(...vals.map((v) => (v === null ? undefined : v)));
  }
}

function colName(col: number): string {
  let n = col + 1, s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
