#!/usr/bin/env node
// `npm start`: build the app and serve it on localhost, printing the URL.
// PORT chooses the port (default 4173; the next free one is taken when it is busy).
import { build, preview } from 'vite';

await build({ logLevel: 'warn' });
const server = await preview({
  preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4173), strictPort: false, open: false },
});
console.log('\nOrg Designer is ready. Open it in your browser:');
server.printUrls();
console.log('\nPress Ctrl+C to stop.');
