/**
 * The Node.js versions this server runs on. npm scripts run the Node 24 that
 * the `node` dev dependency installs (package.json); this check catches a
 * server, CLI or test run started with some other, older `node` (a machine's
 * own Node 20, or `npm ci --ignore-scripts`, which installs no Node binary).
 */
export const MINIMUM_NODE = [22, 17] as const;

/** Null when `version` (as `process.version`) is supported, otherwise the one line that says why not. */
export function unsupportedNode(version: string = process.version): string | null {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const [needMajor, needMinor] = MINIMUM_NODE;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return `Node.js ${version} is not supported: use Node.js ${needMajor}.${needMinor} or newer (npm scripts run the Node 24 that npm install puts in node_modules/.bin)`;
}
