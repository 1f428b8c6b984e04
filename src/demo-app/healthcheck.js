'use strict';
// Health probe for the demo app, run inside the container (`docker exec C node /app/demo-app/healthcheck.js`
// or a compose healthcheck). It talks to the container's own loopback only. Prints the /health JSON;
// exit 0 when the app answered 200, 1 otherwise.
const port = Number(process.env.PORT || 3000);
fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(3000) })
  .then(async (r) => {
    process.stdout.write(await r.text());
    process.exit(r.ok ? 0 : 1);
  })
  .catch((e) => {
    console.error(`healthcheck: ${e.message}`);
    process.exit(1);
  });
