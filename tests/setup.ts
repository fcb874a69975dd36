// Runs in every test file: the folders its tests made to share go after its last test.
import { afterAll } from 'vitest';
import { removeFileFolders } from './helpers/temporary.js';

afterAll(() => removeFileFolders());
