// @fedify/webfinger's lookup, as a global.
import { lookupWebFinger } from "@fedify/webfinger";

globalThis.FedifyWebFinger = { lookupWebFinger };
