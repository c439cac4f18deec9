import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bootBundlePlugin } from './build/bootBundlePlugin';
import { defaultPlanPlugin } from './build/defaultPlanPlugin';
import { offlinePlugin } from './build/offlinePlugin';

export default defineConfig({
  plugins: [react(), defaultPlanPlugin(), offlinePlugin(), bootBundlePlugin()],
  base: './',
  build: { target: 'es2022', sourcemap: false },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
});
