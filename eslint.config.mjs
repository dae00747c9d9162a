import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Layer boundaries (docs/conventions.md): app/ → lib/features/* → components/ → lib/* (infrastructure).
// Nothing imports app/; infrastructure never imports features or components; components stay
// domain-agnostic. No allow-list: a file that needs an exception belongs in another layer.
const noAppImports = { group: ["@/app/*", "@/app"], message: "Nothing imports app/: move shared code into lib/ or components/." };
const noRelativeParents = { group: ["../*", "../../*"], message: "Import with the @/ alias so layer rules can see the path." };
const noFeatures = { group: ["@/lib/features/*"], message: "This layer sits below lib/features and must not import it." };
const noComponents = { group: ["@/components/*"], message: "Infrastructure (lib/*) must not import UI components." };

// Tests sit outside the layers: they may call route handlers directly.
const layer = (files, patterns) => ({
  files,
  ignores: ["**/*.test.ts", "**/*.test.tsx"],
  rules: { "no-restricted-imports": ["error", { patterns }] },
});

/** The one file that hands React an HTML string: the Markdown renderer's sanitized, cached output. */
const MARKDOWN_RENDERER = "components/markdown.tsx";

const config = [
  {
    ignores: ["node_modules/**", ".next/**", ".data/**", "dist/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
  },
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[property.name=/^\\$(queryRawUnsafe|executeRawUnsafe)$/]", message: "Use tagged $queryRaw / $executeRaw (docs/security.md #22)." },
      ],
      // HTML from a string only where the Markdown renderer sets its sanitized output (docs/security.md #22).
      "react/no-danger": "error",
    },
  },
  { files: [MARKDOWN_RENDERER], rules: { "react/no-danger": "off" } },
  layer(["**/*.{ts,tsx,mjs}"], [noAppImports, noRelativeParents]),
  layer(["lib/**/*.{ts,tsx}"], [noAppImports, noRelativeParents, noComponents, noFeatures]),
  layer(["lib/features/**/*.{ts,tsx}"], [noAppImports, noRelativeParents]),
  layer(["components/**/*.{ts,tsx}"], [noAppImports, noRelativeParents, noFeatures]),
];

export default config;
