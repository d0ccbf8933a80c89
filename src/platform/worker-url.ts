// Where a worker thread starts, in both ways the server runs (issue 11 item 6). Built (npm start,
// dist/), a worker is plain JavaScript beside its caller and Node starts it directly. From the
// TypeScript sources (tsx in development, vitest in tests) a worker thread has no TypeScript
// loader of its own, so it starts from a two-line module that loads the .ts through tsx's API;
// tsx is needed only where the sources run, never by the build. One helper for every worker:
// `new Worker(workerUrl(import.meta.url, 'export-worker'), …)`.
/** The entry of the worker `name` (a file beside `callerUrl`, without its extension). */
export function workerUrl(callerUrl: string, name: string): URL {
  if (!new URL(callerUrl).pathname.endsWith('.ts')) return new URL(`./${name}.js`, callerUrl);
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  // a data: module resolves no relative or package names, so tsx is found from this file
  const code = [
    `import { tsImport } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};`,
    `await tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)});`,
  ].join('\n');
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}
