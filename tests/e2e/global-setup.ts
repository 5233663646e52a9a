/** Builds the app once and serves the production build on a free port for the browser tests. */
import type { TestProject } from 'vitest/node';
import { rmSync } from 'node:fs';
import { build, preview, type PreviewServer } from 'vite';

let server: PreviewServer | undefined;
// One build folder per run, so two runs on one machine do not overwrite each other's build.
const outDir = `dist-e2e-${process.pid}`;

export default async function setup(project: TestProject) {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({ logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('The preview server has no port.');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
