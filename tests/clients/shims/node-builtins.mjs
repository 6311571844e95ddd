// What @fedify/vocab-runtime imports from Node's built-in modules, for a
// browser, which has none of them. A page cannot resolve names or build
// Node key objects, so those throw; the lookup under test reaches neither
// (it is called with the client's own `allowPrivateAddress: true`, which
// skips the DNS-based address check — in a browser, the browser connects).
// `isIP` is Node's documented behaviour: 4, 6 or 0.

export default {};

export async function lookup() {
  throw new Error("node:dns is not available in a browser");
}

export function createPublicKey() {
  throw new Error("node:crypto is not available in a browser");
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIP(input) {
  if (IPV4.test(input)) return 4;
  try {
    return input.includes(":") && new URL(`http://[${input}]/`).hostname ? 6 : 0;
  } catch {
    return 0;
  }
}
