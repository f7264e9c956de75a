// Set up for every node test file: an agent a test started and did not stop (it failed
// before its own cleanup) is stopped when the file ends, never left running.
import { afterAll } from 'vitest';
import { stopAllAgents } from './helpers/agent-process';

afterAll(stopAllAgents);
