import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The framework-free core never reaches the React layer (design: one value, many views).
const coreFolders = ['src/schema/**', 'src/model/**', 'src/rules/**', 'src/metrics/**', 'src/layout/**', 'src/io/**', 'src/import/**', 'src/compare/**', 'src/cli/**'];
const uiOnly = ['**/store/**', '**/canvas/**', '**/ui/**', '**/app/**', 'react', 'react-dom', '@xyflow/react', 'zustand'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-e2e*/**', 'dist-bench/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: coreFolders,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: uiOnly, message: 'The core (schema, model, rules, metrics, layout, io, import, compare, cli) stays framework-free.' }] }],
    },
  },
);
