// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.infra/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The domain never reads the clock: time arrives on the command.
    files: ['apps/*/src/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The domain does not read the clock: take `now` from the command.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain does not read the clock: take `now` from the command.' },
        { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: 'The domain does not read the clock.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'The domain is deterministic: ids and randomness arrive on the command.' },
      ],
      'no-restricted-imports': ['error', { patterns: ['@nestjs/*', 'kafkajs', 'mongoose', 'mongodb', 'pg', '@eventstore/*', '@electric-sql/*'] }],
    },
  },
);
