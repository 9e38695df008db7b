// Preloaded with `node -r` by tests that check what a command loads: prints the modules in require's cache at exit.
process.on('exit', () => process.stderr.write(`\nLOADED ${JSON.stringify(Object.keys(require.cache))}\n`));
