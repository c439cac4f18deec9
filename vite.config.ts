import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { offlinePlugin } from './build/offlinePlugin';

export default defineConfig({
  plugins: [react(), offlinePlugin()],
  base: './',
  build: { target: 'es2022', sourcemap: false },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
});
