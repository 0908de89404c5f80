import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // pure rules: no I/O, no framework, no server or web code
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@server/*', '@web/*', 'kysely', 'fastify', 'pg', 'react', 'node:*', '../server/*', '../web/*'] }] },
  },
  {
    // module contracts are shared with the web: zod and @domain only
    files: ['src/server/modules/*/schemas.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['kysely', 'fastify', 'pg', 'node:*', '../../*', '../*/repo', '../*/service'] }] },
  },
  {
    // a module reaches another only through its service or schemas, never its repo
    files: ['src/server/modules/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['../*/repo', '../*/repo.ts'] }] },
  },
);
