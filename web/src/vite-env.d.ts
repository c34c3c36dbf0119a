// Vite's client types (asset imports, import.meta.glob) for the web code.
/// <reference types="vite/client" />
