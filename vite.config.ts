import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * The Content-Security-Policy of the built app (docs/architecture.md, "Content-Security-Policy").
 * Everything the app loads comes from its own origin; nothing may run that the build did not emit.
 */
const CONTENT_SECURITY_POLICY: Readonly<Record<string, string>> = {
  // Anything not named below: the app's own files only.
  'default-src': "'self'",
  // The built modules only: no inline script, no eval / new Function (zod runs jitless, src/schema/v1.ts).
  'script-src': "'self'",
  // The built stylesheet only. React, React Flow and d3 set styles through the CSSOM (element.style),
  // which CSP does not govern; nothing writes a <style> element or a style="" attribute.
  'style-src': "'self'",
  // PNG export draws the chart's SVG from a blob: URL onto a canvas (src/ui/exportPicture.ts).
  // No data: — nothing in the app loads an image from one.
  'img-src': "'self' blob:",
  // No fetch leaves the origin (lazy chunks are module imports, under script-src).
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

/**
 * Writes the policy into the built index.html as a <meta>, right after <meta charset>, so it
 * governs every element that follows. Build only: the dev server and @vitejs/plugin-react
 * inject inline scripts for hot reload. Only the app's page: the benchmark's baseline pages
 * (bench/*.html) are other programs, built by the same config.
 */
function contentSecurityPolicy(): Plugin {
  const content = Object.entries(CONTENT_SECURITY_POLICY)
    .map(([directive, sources]) => `${directive} ${sources}`)
    .join('; ');
  return {
    name: 'org-designer:content-security-policy',
    apply: 'build',
    transformIndexHtml(html, ctx) {
      if (ctx.path !== '/index.html') return html;
      const charset = /<meta charset="UTF-8" \/>\n?/i.exec(html);
      if (!charset) throw new Error('index.html: no <meta charset="UTF-8" /> to place the Content-Security-Policy after.');
      const at = charset.index + charset[0].length;
      return `${html.slice(0, at)}    <meta http-equiv="Content-Security-Policy" content="${content}" />\n${html.slice(at)}`;
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  // Relative asset URLs so the built app also works from file:// or a sub-path.
  base: './',
  build: { outDir: 'dist', sourcemap: true },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/property/**/*.test.ts', 'tests/cli/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/helpers/rules-loaded.ts'],
    testTimeout: 60_000,
  },
});
