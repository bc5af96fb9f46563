/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  setupFiles: ["<rootDir>/test/helpers/textCodec.ts"],
  testTimeout: 60000,
  // Two workers even on two cores: with one, jest runs every suite in its own single process and the heap of the reading
  // and writing suites adds up; a worker past 2 GB between suites is replaced.
  maxWorkers: 2,
  workerIdleMemoryLimit: "2GB",
};
