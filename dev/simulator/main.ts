// Starts the provider simulator on its own: `tsx dev/simulator/main.ts --port 8787 [--seed N]`.
// It starts with the default user and no OAuth clients: whoever drives it registers those.
import { Clock } from '../clock';
import { Simulator } from './index';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const sim = await Simulator.start({
    // Run on its own, the simulator's "today" is the real one.
    clock: new Clock(Date.now()),
    port: Number(arg('port') ?? 8787),
    seed: arg('seed') !== undefined ? Number(arg('seed')) : undefined,
  });
  console.log(`Provider simulator listening on ${sim.url}`);
  console.log(
    `  e.g. ${sim.url}/www.fitbit.com/oauth2/authorize, ${sim.url}/health.googleapis.com/v4/...`,
  );
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
