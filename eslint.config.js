import tseslint from 'typescript-eslint';

/** Lint rules that hold the architecture: pure domain, typed web-to-server contracts, SQL only in repositories. */
export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    // type-aware: a promise is awaited or handled, never dropped or handed where nothing waits for it
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'react-router', name: 'NavigateFunction' }] },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // pure rules: no I/O, no framework, no server or web code
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@server/*', '@web/*', 'kysely', 'fastify', 'pg', 'react', 'node:*', '../server/*', '../web/*'] }],
    },
  },
  {
    // the two merge points of the modules' contracts (pure data, see below) may read the contract list, nothing else of the server
    files: ['src/domain/access.ts', 'src/domain/error-catalog.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@server/*', '@web/*', 'kysely', 'fastify', 'pg', 'react', 'node:*', '../web/*'] },
            { regex: '^\\.\\./server/(?!modules/contracts$)' },
          ],
        },
      ],
    },
  },
  {
    // the web reaches the server through its types (the typed client, views) and its zod schemas; nothing else of it
    // is bundled
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@server/(?!modules/[\\w-]+/([\\w-]+/)?schemas$|modules/contracts$)',
              allowTypeImports: true,
              message: "The web imports only types from the server, or a module's schemas.",
            },
          ],
        },
      ],
    },
  },
  {
    // module contracts are shared with the web: zod and @domain only
    files: ['src/server/modules/*/schemas.ts', 'src/server/modules/*/views.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['kysely', 'fastify', 'pg', 'node:*', '../../*', '../*/repo', '../*/service'] }] },
  },
  {
    // the same for a module's sub-area (zones/lockdown/schemas.ts)
    files: ['src/server/modules/*/*/schemas.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['kysely', 'fastify', 'pg', 'node:*', '../../../*', '../../*/repo', '../../*/service', '../*/repo', '../*/service'] },
      ],
    },
  },
  {
    // a module reaches another only through its service or schemas, never its repo
    files: ['src/server/modules/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['../*/repo', '../*/repo.ts'] }] },
  },
  {
    // a module's contract (permissions, error codes) is shared with the web: data only
    files: ['src/server/modules/*/contract.ts', 'src/server/platform/contract.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!@domain/contract$)', message: 'A contract is pure data: it imports only @domain/contract.' }] },
      ],
    },
  },
  {
    // SQL only in a module's repositories (repo.ts, repo/*.ts); src/server/platform/table-ownership.test.ts holds each
    // repository to the tables its manifest owns.
    files: ['src/server/modules/**/*.ts'],
    ignores: ['**/repo.ts', '**/repo/**', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto|copyCsv)$/]',
          message: "SQL belongs in the module's repository (repo.ts or repo/*.ts).",
        },
        { selector: "TaggedTemplateExpression[tag.name='sql']", message: "SQL belongs in the module's repository (repo.ts or repo/*.ts)." },
        {
          selector: "CallExpression[callee.property.name='query'][callee.object.property.name='pool']",
          message: "SQL belongs in the module's repository (repo.ts or repo/*.ts).",
        },
      ],
    },
  },
);
