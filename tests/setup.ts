// Runs in every test file: the folders its tests made to share go after its last test, and what helpers made once for it is forgotten.
import { afterAll } from 'vitest';
import { endOfFile } from './helpers/temporary.js';

afterAll(() => endOfFile());
