// Builds the renderer and the hosts once before any test runs, when the sources changed since
// the last build: e2e tests drive the built app, exactly what `npm start` serves.
// BDC_SKIP_BUILD=1 skips it for a quick run of back-end tests while the renderer is mid-edit.
export default async function setup(): Promise<void> {
  if (process.env.BDC_SKIP_BUILD === '1') return;
  // @ts-expect-error plain ESM build script without type declarations
  const { build, isBuildFresh } = (await import('../scripts/build.mjs')) as {
    build: (o: { quiet: boolean }) => Promise<void>;
    isBuildFresh: () => boolean;
  };
  if (!isBuildFresh()) await build({ quiet: true });
}
