/// <reference types="vite/client" />

/** The version from package.json, injected at build time. */
declare const __APP_VERSION__: string;
