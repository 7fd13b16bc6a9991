/**
 * The layering of kasane (DEVELOPERS.md): model/ is pure and shared, app/ is the browser,
 * collab-server/ is the server. A circular import anywhere fails the build.
 */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'model-is-pure',
      comment: 'model/ is imported by both sides and imports neither.',
      severity: 'error',
      from: { path: '^model/' },
      to: { path: '^(app|collab-server|tests)/' },
    },
    {
      name: 'app-never-imports-server',
      severity: 'error',
      from: { path: '^app/' },
      to: { path: '^(collab-server|tests)/' },
    },
    {
      name: 'server-never-imports-app',
      severity: 'error',
      from: { path: '^collab-server/' },
      to: { path: '^(app|tests)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^(dist|node_modules)/' },
  },
};
