// @ts-check
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'dist/', 'node_modules/', 'test-results/'] },
  ...tseslint.configs.recommended,
  // Untrusted text never becomes HTML: innerHTML, outerHTML, insertAdjacentHTML, document.write are refused.
  nounsanitized.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM nodes, or let Preact render text.' },
        { property: 'outerHTML', message: 'Build DOM nodes, or let Preact render text.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render text as HTML.' },
      ],
    },
  },
  {
    // Tests build their fixture pages from strings of their own.
    files: ['test/**'],
    rules: { 'no-unsanitized/property': 'off', 'no-unsanitized/method': 'off', 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'test/e2e/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', CSS: 'readonly', chrome: 'readonly' } },
  },
);
