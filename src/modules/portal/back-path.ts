// Issue 10.9: where the elder-mode switch sends the visitor back to. Only a path of this site,
// percent-encoded as a Location header must be (a raw 中文 or NUL there made Node refuse the
// header and the request answer 500); anything else goes home.
const HERE = 'http://portal.invalid';

export function safeBack(back: string | undefined): string {
  if (!back || !back.startsWith('/') || back.startsWith('//') || back.startsWith('/\\')) return '/';
  let url: URL;
  try {
    url = new URL(back, HERE);
  } catch {
    return '/';
  }
  // the URL parser turns "\" into "/" and resolves "/./": what it made must still be ours
  if (url.origin !== HERE) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') || !/^[\x21-\x7e]*$/.test(path) ? '/' : path;
}
