/**
 * The rules, loaded after the app's first paint (docs/performance.md, "Entry bundle"):
 * the chart and the panels paint from the document; the findings, badges and rule texts
 * follow when the rules' chunk has loaded. Node code and tests call `loadRules()` first
 * (or import the engine directly).
 */
export type RulesApi = typeof import('../rules/api.ts');

let api: RulesApi | null = null;
let loading: Promise<RulesApi> | null = null;

/** The rules if loaded, else null (derive() then has no findings yet). */
export function rulesApi(): RulesApi | null {
  return api;
}

/** Loads the rules once; a failed load may be tried again. */
export function loadRules(): Promise<RulesApi> {
  loading ??= import('../rules/api.ts').then(
    (m) => (api = m),
    (cause: unknown) => {
      loading = null;
      throw cause;
    },
  );
  return loading;
}
