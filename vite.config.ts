import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once into dist/renderer and served by both hosts: the web host over
// http://127.0.0.1, the Electron host over the app:// protocol. Relative asset paths make the
// same build work under both origins.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
});
