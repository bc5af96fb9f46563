/**
 * The count the task pane reports after generating scoring sheets again ("保留已填写的 N 行"): rows the assessor
 * filled, not the weights the sheet was written with.
 */
import { emptyInputs, enteredCount, type RowInputs } from "../../src/core/scoringSheet";

const row = (actual: RowInputs["actual"], deduction: RowInputs["deduction"] = null): RowInputs => ({ actual, deduction, groups: [], note: null });

test("the parts' equal default weights are not entries; a changed weight, a row and a veto are", () => {
  const inputs = emptyInputs();
  inputs.rows.set("镇!A3|螅镇#权重", row(0.5));
  inputs.rows.set("共性!A2|各镇共性考核指标#权重", row(0.5));
  expect(enteredCount(inputs)).toBe(0);
  inputs.rows.set("镇!B4|农业农村工作", row(24000));
  inputs.veto = true;
  expect(enteredCount(inputs)).toBe(2);
  inputs.rows.set("镇!A3|螅镇#权重", row(0.3));
  inputs.rows.set("共性!A2|各镇共性考核指标#权重", row(0.7));
  expect(enteredCount(inputs)).toBe(4);
});
