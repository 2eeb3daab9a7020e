import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Two pages: the officials' console (index.html) and the public open-data portal (open.html, served at /open/).
// `npm run dev` serves both on :5173 and forwards API calls to a platform running on :8080
/** In development, as the platform does: every page under /open/ is the portal's page (its router takes over). */
function portalDeepLinks() {
  return {
    name: 'portal-deep-links',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        if (request.url === '/open' || request.url.startsWith('/open/')) request.url = '/open.html'
        next()
      })
    }
  }
}

export default defineConfig({
  plugins: [vue(), portalDeepLinks()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { input: { console: 'index.html', portal: 'open.html' } }
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/oauth2': 'http://localhost:8080',
      '/actuator': 'http://localhost:8080',
      '/datastore': 'http://localhost:8080'
    }
  }
})
