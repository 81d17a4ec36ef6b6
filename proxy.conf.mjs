// ng serve proxies /api to the dev API, so the browser sees one origin (shared/API.md).
// API_PORT picks the API's port (npm start: 3000; e2e: 3100).
const target = `http://127.0.0.1:${process.env.API_PORT ?? 3000}`;

export default {
  '/api': {
    target,
    secure: false,
    // When the API drops a connection (chaos `drop`, `dropAfterCommit`), drop the browser's
    // connection too, so the app sees the network error it would see in production, instead
    // of the 500 the dev server would otherwise invent.
    configure(proxy) {
      proxy.on('error', (_error, _req, res) => {
        if ('req' in res) res.destroy();
      });
    },
  },
};
