// @ts-check
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import tseslint from 'typescript-eslint'

export default defineConfig(
  // Fixture pages imitate vendors' snippets and are served to browsers as they are.
  { ignores: ['dist/**', 'node_modules/**', 'artifacts/**', '.tmp/**', 'test/fixtures/sites/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'public/gpc-page.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Browser APIs only behind src/platform (STYLE.md rule 5).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/platform/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'Use a wrapper from src/platform.' },
        { name: 'browser', message: 'Use a wrapper from src/platform.' },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'webextension-polyfill', message: 'Use a wrapper from src/platform.' }] },
      ],
    },
  },
  {
    // The background is a service worker: no DOM.
    files: ['src/background/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        { name: 'chrome', message: 'Use a wrapper from src/platform.' },
        { name: 'browser', message: 'Use a wrapper from src/platform.' },
      ],
    },
  },
)
