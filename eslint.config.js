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
    // the two merge points of the modules' contracts (pure data, see below) may read the contract list, nothing else of the server
    files: ['src/domain/access.ts', 'src/domain/error-catalog.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@server/*', '@web/*', 'kysely', 'fastify', 'pg', 'react', 'node:*', '../web/*'] }, { regex: '^\\.\\./server/(?!modules/contracts$)' }] }] },
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
  {
    // a module's contract (permissions, error codes) is shared with the web: data only
    files: ['src/server/modules/*/contract.ts', 'src/server/platform/contract.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!@domain/contract$)', message: 'A contract is pure data: it imports only @domain/contract.' }] }] },
  },
);
