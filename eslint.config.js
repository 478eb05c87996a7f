// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const fpTsRule = {
  patterns: [
    {
      regex: '^fp-ts/(?!lib/[A-Za-z]+\\.js$)',
      message:
        "Import fp-ts by file with its extension, e.g. 'fp-ts/lib/Either.js' (directory imports crash under Node ESM)."
    },
    { regex: '^io-ts/', message: "Import io-ts from its root only ('io-ts')." }
  ]
}

export default tseslint.config(
  { ignores: ['dist/', 'tmp/', 'docs/api/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { URL: 'readonly', console: 'readonly', process: 'readonly' } }
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-imports': ['error', fpTsRule],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...fpTsRule,
          paths: [
            ...[
              'fs',
              'path',
              'os',
              'crypto',
              'child_process',
              'http',
              'https',
              'net',
              'process',
              'url',
              'util',
              'worker_threads'
            ].flatMap((m) => [
              { name: m, message: 'No Node built-ins in src/: it must run in browsers and workers.' },
              { name: `node:${m}`, message: 'No Node built-ins in src/: it must run in browsers and workers.' }
            ])
          ]
        }
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/ reads no environment.' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'src/ reads no clock: take `now` as a parameter.'
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'src/ reads no clock: take `now` as a parameter.'
        },
        {
          selector:
            "CallExpression[callee.object.name='DateTime'][callee.property.name=/^(now|local|utc)$/][arguments.length=0]",
          message: 'src/ reads no clock.'
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'src/ uses no randomness.'
        },
        {
          selector: "ImportSpecifier[imported.name='Settings']",
          message: "luxon's global Settings are not used in src/."
        },
        { selector: 'ClassDeclaration', message: 'No classes for domain values: plain readonly data and functions.' }
      ]
    }
  },
  {
    // the command line is the one place in src/ that uses Node built-ins, the process and the clock
    // (for `--at now` and the progress line); it stays free of randomness and classes
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', fpTsRule],
      'no-restricted-globals': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'The demo is deterministic: no randomness.'
        },
        { selector: 'ClassDeclaration', message: 'No classes for domain values: plain readonly data and functions.' }
      ]
    }
  },
  // type-aware rules on the library and the command line: typescript-eslint's recommended
  // type-checked set, run on src/ with the project that includes src/cli
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ['src/**/*.ts'] })),
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.all.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      // it reads some index accesses as never undefined, which noUncheckedIndexedAccess says they
      // can be: the assertions it calls unnecessary are the ones tsc needs
      '@typescript-eslint/no-unnecessary-type-assertion': 'off'
    }
  },
  {
    // the command line throws plain failure records (usage or input, with a message) that its
    // entry point catches and prints with an exit status: they are data, not Error objects
    files: ['src/cli/**/*.ts'],
    rules: { '@typescript-eslint/only-throw-error': 'off', '@typescript-eslint/prefer-promise-reject-errors': 'off' }
  }
)
