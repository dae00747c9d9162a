import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
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

// app/ composes loaders and calls actions; the plain reads and the writes behind them stay inside the feature.
const noFeatureInternals = {
  group: ["@/lib/features/*/data", "@/lib/features/*/mutations"],
  message: "app/ uses a feature's loaders and actions, never its data or mutations: add a loader or an action.",
};

// The Prisma client only where reads and writes live (a feature's data.ts and mutations.ts) and in the
// infrastructure that owns the database; everything else asks those. Tests are free.
const DATABASE_OWNERS = [
  "lib/features/*/data.ts",
  "lib/features/*/mutations.ts",
  "lib/auth/**",
  "lib/db/**",
  "prisma/factories/**",
  "prisma/seed/**",
  "scripts/**",
  "test/**",
  "e2e/**",
  "**/*.test.ts",
  "**/*.test.tsx",
];

// Features may depend on each other only one way (docs/decisions/017). import/no-cycle sees cycles between files;
// two features can depend on each other through different files without one, so this rule works on the graph
// of features: an import of feature B from feature A is refused when B already reaches A.
const FEATURES = path.join(import.meta.dirname, "lib/features");
const FEATURE_IMPORT = /(?:from|import)\s*\(?\s*["']@\/lib\/features\/([a-z0-9-]+)\//g;
const isTestFile = (file) => /\.test\.tsx?$/.test(file);
const featureOf = (file) => /^lib\/features\/([a-z0-9-]+)\//.exec(path.relative(import.meta.dirname, file).split(path.sep).join("/"))?.[1] ?? null;

/** Which features each feature imports, read from the source files once per lint run (tests left out). */
let diskGraph = null;
function featureGraph() {
  if (diskGraph) return diskGraph;
  diskGraph = new Map();
  for (const file of readdirSync(FEATURES, { recursive: true, encoding: "utf8" })) {
    if (!/\.tsx?$/.test(file) || isTestFile(file)) continue;
    const from = file.split(path.sep)[0];
    const edges = diskGraph.get(from) ?? new Set();
    for (const [, to] of readFileSync(path.join(FEATURES, file), "utf8").matchAll(FEATURE_IMPORT)) if (to !== from) edges.add(to);
    diskGraph.set(from, edges);
  }
  return diskGraph;
}

/** A path of features from `start` to `goal`, or null. */
function pathBetween(graph, start, goal) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === goal) {
      const route = [];
      for (let step = goal; step !== null; step = previous.get(step)) route.unshift(step);
      return route;
    }
    for (const next of graph.get(current) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, current);
        queue.push(next);
      }
    }
  }
  return null;
}

const noFeatureCycles = {
  meta: { type: "problem", schema: [], messages: { cycle: "Import cycle between features: {{route}}. Move the shared piece down (lib/auth, lib/*) or into one of them." } },
  create(context) {
    const from = featureOf(context.filename);
    if (!from) return {};
    const check = (node) => {
      const source = node.source?.value;
      const to = typeof source === "string" ? /^@\/lib\/features\/([a-z0-9-]+)\//.exec(source)?.[1] : undefined;
      if (!to || to === from) return;
      const back = pathBetween(featureGraph(), to, from);
      if (back) context.report({ node, messageId: "cycle", data: { route: [from, ...back].join(" → ") } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

/** The one file that hands React an HTML string: the Markdown renderer's sanitized, cached output. */
const MARKDOWN_RENDERER = "components/markdown.tsx";

const config = [
  {
    ignores: ["node_modules/**", "**/.next/**", ".data/**", "dist/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
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
  layer(["app/**/*.{ts,tsx}"], [noAppImports, noRelativeParents, noFeatureInternals]),
  // A second rule name, so these paths add to the layer patterns above instead of replacing them.
  {
    files: ["**/*.{ts,tsx,mjs}"],
    ignores: DATABASE_OWNERS,
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@/lib/db", message: "Only a feature's data.ts / mutations.ts and lib/auth, lib/db talk to the database." },
            // Its components are a client module: rendering one, even on the server, loads its runtime (decision 043).
            { name: "lucide-react", message: "Import icons from @/components/ui/icons (npm run glyphs writes it from lucide)." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/features/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    plugins: { cairn: { rules: { "no-feature-cycles": noFeatureCycles } } },
    rules: { "cairn/no-feature-cycles": "error" },
  },
];

export default config;
