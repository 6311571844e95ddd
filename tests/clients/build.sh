#!/bin/sh
# Regenerate the browser bundles of the WebFinger clients that
# tests/console/clients.rs runs unmodified in Chromium. Needs Node and npm;
# building and testing the crate never runs this, it loads dist/ as
# committed. Versions come from package-lock.json (`npm ci`).
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
esbuild=node_modules/.bin/esbuild

# webfinger.js: its "browser" export, exposed as `WebFinger`.
"$esbuild" entries/webfinger.js.mjs --bundle --platform=browser --format=iife \
  --outfile=dist/webfinger.js.js

# @fedify/webfinger: `lookupWebFinger`, exposed as `FedifyWebFinger`. Its
# runtime imports four Node built-ins for server-side checks; a browser has
# none, so they resolve to shims/node-builtins.mjs (see there).
shim=./shims/node-builtins.mjs
"$esbuild" entries/fedify-webfinger.mjs --bundle --platform=browser --format=iife \
  --alias:node:process=$shim --alias:node:dns/promises=$shim \
  --alias:node:net=$shim --alias:node:crypto=$shim \
  --outfile=dist/fedify-webfinger.js

ls -l dist
