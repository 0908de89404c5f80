// Baseline for bench/http.ts: a bare node:http server answering every request with fixed bytes
// (the app's own response body and headers, handed over by the parent). Run as a child process.
import { createServer } from 'node:http';
import { serveChildControl, type ChildMessage } from './lib';

process.once('message', (msg: { type: 'init'; body: string; headers: Record<string, string> }) => {
  const body = Buffer.from(msg.body, 'base64');
  const headers = { ...msg.headers, 'content-length': String(body.length) };
  const server = createServer((req, res) => {
    // Drain the request like a real server would, then answer with the recorded bytes.
    req.resume();
    res.writeHead(200, headers);
    res.end(body);
  });
  server.keepAliveTimeout = 72_000;
  server.listen(0, '127.0.0.1', () => {
    process.send!({ type: 'ready', port: (server.address() as { port: number }).port } satisfies ChildMessage);
  });
  serveChildControl(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
});
