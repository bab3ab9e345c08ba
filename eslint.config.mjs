import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';

const R = 'src/renderer/src';

// The layer boundaries of shared/DESIGN.md, checked on every import.
const elements = [
  { type: 'domain', pattern: `${R}/domain/**`, mode: 'full' },
  { type: 'data', pattern: `${R}/data/**`, mode: 'full' },
  { type: 'reports', pattern: `${R}/reports/**`, mode: 'full' },
  { type: 'platform', pattern: `${R}/platform/**`, mode: 'full' },
  { type: 'ui', pattern: `${R}/ui/**`, mode: 'full' },
  { type: 'feature', pattern: `${R}/features/*/**`, mode: 'full', capture: ['featureName'] },
  { type: 'app', pattern: `${R}/app/**`, mode: 'full' },
  { type: 'renderer-entry', pattern: `${R}/*.{ts,tsx}`, mode: 'full' },
  { type: 'preload-api', pattern: 'src/preload/api.ts', mode: 'full' },
  { type: 'preload', pattern: 'src/preload/**', mode: 'full' },
  { type: 'main', pattern: 'src/main/**', mode: 'full' },
];

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'events', 'http', 'https', 'net'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: [`${R}/**/*.{ts,tsx}`],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // The renderer is sandboxed: no Electron, no Node built-ins (DESIGN.md decision 11).
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...NODE_BUILTINS].map((name) => ({
            name,
            message: 'The renderer runs sandboxed: go through platform/ instead.',
          })),
          patterns: [{ group: ['node:*'], message: 'The renderer runs sandboxed: no Node built-ins.' }],
        },
      ],
    },
  },
  {
    files: [`${R}/domain/**/*.ts`],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/include': ['src/**/*'],
      'import/resolver': { typescript: { alwaysTryTypes: true, project: ['src/*/tsconfig.json'], noWarnOnMultipleProjects: true } },
    },
    rules: {
      'boundaries/no-unknown': 'error',
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          message: '${file.type} must not import ${dependency.type} (shared/DESIGN.md, Boundaries).',
          rules: [
            { from: 'domain', allow: ['domain'] },
            { from: 'data', allow: ['domain', 'data'] },
            { from: 'reports', allow: ['domain', 'reports'] },
            { from: 'platform', allow: ['platform', 'preload-api'] },
            { from: 'ui', allow: ['ui', 'domain'] },
            {
              from: 'feature',
              allow: ['domain', 'data', 'reports', 'platform', 'ui', ['feature', { featureName: '${from.featureName}' }]],
            },
            { from: 'app', allow: ['app', 'feature', 'domain', 'data', 'reports', 'platform', 'ui'] },
            { from: 'renderer-entry', allow: ['app', 'data', 'ui'] },
            { from: 'preload', allow: ['preload-api'] },
            { from: 'preload-api', allow: [] },
            { from: 'main', allow: ['main', 'preload-api'] },
          ],
        },
      ],
      'boundaries/external': [
        'error',
        {
          default: 'allow',
          rules: [
            // Domain code is pure: only zod and date-fns (DESIGN.md, Layout), plus the French public
            // holidays that working-day deadlines need (Équipe issue).
            { from: 'domain', disallow: ['*'] },
            { from: 'domain', allow: ['zod', 'date-fns', 'date-fns/*', '@socialgouv/jours-feries'] },
            { from: ['data', 'reports', 'platform', 'ui', 'feature', 'app', 'renderer-entry'], disallow: ['electron'] },
            // Features read through data/'s repositories and named hooks, never Dexie itself (issue 21).
            { from: ['feature'], disallow: ['dexie', 'dexie-react-hooks'] },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
