'use strict';
// Demo app: stands in for the real server in the image's default CMD. Plain Node 20, no dependencies.
// It lists the custom modules and MCP servers it finds (the way the real app looks for them), answers
// GET /health with them as JSON, and exits 0 promptly on SIGTERM/SIGINT: it runs as PID 1 after the
// entrypoint's execve(), and PID 1 gets no default action for signals it does not handle.
const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');

const MODULES_DIR = process.env.DEMO_MODULES_DIR || '/app/modules/custom';
const MCP_DIR = process.env.DEMO_MCP_DIR || '/app/server/mcp/custom';
const HOST = process.env.HOST || '0.0.0.0';
const PORT = Number(process.env.PORT || 3000);

const log = (msg) => console.log(`demo-app: ${msg}`);

function isFile(p) {
  try { return fs.statSync(p).isFile(); } catch { return false; }
}

// A module is a directory with module.yaml; an MCP server a directory with package.json, index.js or build/index.js.
function scan(dir, markers) {
  const result = { dir, found: [], skipped: [], error: null };
  let entries;
  try {
    entries = fs.readdirSync(dir);
  } catch (e) {
    result.error = `${e.code || 'ERROR'}: ${e.message}`;
    return result;
  }
  for (const name of entries.sort()) {
    if (name.startsWith('.')) continue;
    const p = path.join(dir, name);
    let st;
    try { st = fs.statSync(p); } catch (e) { result.skipped.push({ name, reason: e.code || 'unreadable' }); continue; }
    if (!st.isDirectory()) { if (name !== 'README.md') result.skipped.push({ name, reason: 'not a directory' }); continue; }
    const marker = markers.find((m) => isFile(path.join(p, m)));
    if (marker) result.found.push({ name, marker });
    else result.skipped.push({ name, reason: `none of ${markers.join(', ')}` });
  }
  return result;
}

function inventory() {
  return {
    modules: scan(MODULES_DIR, ['module.yaml']),
    mcp: scan(MCP_DIR, ['package.json', 'index.js', path.join('build', 'index.js')]),
  };
}

function describe(kind, s) {
  if (s.error) return `${kind} in ${s.dir}: cannot read (${s.error})`;
  const names = s.found.map((f) => f.name);
  let line = `${names.length} custom ${kind} in ${s.dir}${names.length ? ': ' + names.join(', ') : ''}`;
  if (s.skipped.length) line += ` (skipped: ${s.skipped.map((x) => `${x.name} [${x.reason}]`).join(', ')})`;
  return line;
}

const started = inventory();
log(describe('modules', started.modules));
log(describe('MCP servers', started.mcp));

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && (req.url === '/health' || req.url.startsWith('/health?'))) {
    const inv = inventory();
    const body = JSON.stringify({
      status: 'ok',
      pid: process.pid,
      uid: process.getuid(),
      uptime_s: Math.round(process.uptime() * 1000) / 1000,
      modules: inv.modules.found.map((f) => f.name),
      mcp_servers: inv.mcp.found.map((f) => f.name),
      details: inv,
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body + '\n');
    return;
  }
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end('{"error":"not found"}\n');
});

server.on('error', (e) => {
  log(`cannot listen on ${HOST}:${PORT}: ${e.message}`);
  process.exit(1);
});
server.listen(PORT, HOST, () => log(`listening on ${HOST}:${PORT} as pid ${process.pid} (uid ${process.getuid()})`));

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  log(`${signal} received, shutting down`);
  server.close(() => { log('stopped'); process.exit(0); });
  server.closeAllConnections();
  // Never outlive Docker's grace period because of a stuck connection.
  setTimeout(() => { log('forced exit after 2 s'); process.exit(0); }, 2000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
