// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**', '**/fixtures/**', 'editors/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // A spread into a call puts every element on the stack: past ~120,000 elements (findings,
    // matches, lines of a big input) it throws "Maximum call stack size exceeded". Loop or reduce.
    files: ['src/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement",
          message: 'push(...list) overflows the stack on big inputs: append in a loop.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'] > SpreadElement",
          message: 'Math.max(...list) overflows the stack on big inputs: use reduce.',
        },
        {
          selector: "CallExpression[callee.property.name=/^(fromCharCode|fromCodePoint|apply)$/] > SpreadElement",
          message: 'String.fromCharCode(...codes) overflows the stack on big inputs: decode a typed array.',
        },
      ],
    },
  },
  {
    // Only the CLI shell touches `process`; library modules receive what they need.
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'process', message: 'Only src/cli/ touches process: pass values in.' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'node:process', message: 'Only src/cli/ touches process.' }] }],
    },
  },
);
