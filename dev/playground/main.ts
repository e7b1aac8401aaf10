// `npm start`: runs the playground on 127.0.0.1 and prints its URL (--port N or PORT, default 8080).
import { startPlayground } from './server';

function portFromArgs(argv: string[], env: NodeJS.ProcessEnv): number {
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  const raw = i < 0 ? env.PORT : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  if (raw === undefined || raw === '') return 8080;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Not a port number: ${raw}`);
  }
  return port;
}

async function main(): Promise<void> {
  const playground = await startPlayground({
    port: portFromArgs(process.argv.slice(2), process.env),
    // The playground is for trying the add-on by hand: its clock starts at the real time.
    startAtMs: Date.now(),
  });
  console.log(`Playground running at ${playground.url}/`);
  console.log('Open it in a browser; Ctrl+C stops it.');
  const stop = () => {
    playground.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
