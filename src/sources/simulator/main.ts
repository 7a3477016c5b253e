import { createSimulator } from './create-simulator.ts';
import { loadSimulatorConfig, SimulatorConfigError } from './simulator-config.ts';

// `npm run simulators`: the register simulator on its own, configured from the environment.
let options: ReturnType<typeof loadSimulatorConfig>;
try {
  options = loadSimulatorConfig();
} catch (error) {
  if (error instanceof SimulatorConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(2);
  }
  throw error;
}

const simulator = await createSimulator(options);
const { population } = simulator;
console.log(
  `Register simulator listening on ${simulator.url.replace('0.0.0.0', 'localhost')}\n` +
    `  seed ${population.seed}, reference date ${population.referenceDate}; ` +
    `${population.enterprises.length} enterprises, ${population.people.length} people, ` +
    `${population.employments.length} employments, ${population.vacancies.length} vacancies\n` +
    `  failure rate ${options.failureRate}, latency ${options.latencyMs?.join('-')} ms; ` +
    `demo employer ${population.demo.employer.enterpriseNumber} (${population.demo.employer.name})`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
