import { ConfigError } from '../config.js';
import { DatabaseCheckError } from '../db/orm.js';
import { DomainError } from './errors.js';
import { unsupportedNode } from './runtime.js';

/**
 * Runs a command-line entry point: configuration and database problems end the
 * process with exit code 1 and one line naming the problem, no stack trace,
 * and so does a Node.js older than the one this code is built for.
 */
export async function runCli(main: () => Promise<void>): Promise<void> {
  const refusal = unsupportedNode();
  if (refusal) {
    process.stderr.write(`error: ${refusal}\n`);
    process.exit(1);
  }
  try {
    await main();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DatabaseCheckError || error instanceof DomainError) {
      process.stderr.write(`error: ${error.message}\n`);
    } else {
      process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exit(1);
  }
}
