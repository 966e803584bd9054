// Lint rules, including the import boundaries of ARCHITECTURE.md:
// controller and agent never import each other, and the algorithm folders stay pure.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const impure = ["node:*", "ws", "zeromq", "execa", "ssh2", "pino", "better-sqlite3", "protobufjs"];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "proto/generated/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["controller/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/agent/**"], message: "controller never imports agent code (ARCHITECTURE.md)" }] }],
    },
  },
  {
    files: ["agent/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/controller/**"], message: "agent never imports controller code (ARCHITECTURE.md)" }] }],
    },
  },
  {
    files: ["controller/search/**/*.ts", "controller/analysis/**/*.ts", "controller/lbsim/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: impure, message: "search/analysis/lbsim code is pure: no I/O modules (STYLE.md 3)" },
          { group: ["**/agent/**"], message: "controller never imports agent code" },
        ],
      }],
      "no-restricted-globals": ["error",
        { name: "setTimeout", message: "inject a Clock" },
        { name: "setInterval", message: "inject a Clock" },
        { name: "performance", message: "inject a Clock" },
        { name: "process", message: "pure code reads no process state" }],
      "no-restricted-properties": ["error", { object: "Date", property: "now", message: "inject a Clock" }, { object: "Math", property: "random", message: "use a seeded RNG" }],
    },
  },
);
