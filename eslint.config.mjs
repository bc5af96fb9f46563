import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test/e2e/output/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["node:*", "fs", "path", "os", "child_process", "exceljs", "react", "react-dom", "@fluentui/*", "office-*"],
            message: "src/core is pure TypeScript: no Node, DOM, Office or UI imports." },
          { group: ["../excel/*", "../cli/*", "../taskpane/*", "../functions/*", "../../excel/*", "../../cli/*", "../../taskpane/*", "../../functions/*"],
            message: "Data flows one way: core depends on nothing outside core." },
        ],
      }],
      "no-restricted-globals": ["error", "window", "document", "Office", "Excel", "process", "require"],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
