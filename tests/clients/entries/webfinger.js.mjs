// webfinger.js as its package exports it to browsers, as a global.
import WebFinger from "webfinger.js";

globalThis.WebFinger = WebFinger;
