/**
 * Runs before every browser test file: a test fails when any page reported a
 * Content-Security-Policy violation during it that the test did not claim
 * (browser.ts watches every page the tests open).
 */
import { afterAll, afterEach } from 'vitest';
import { assertNoCspViolations } from './browser.ts';

afterEach(assertNoCspViolations);
// Reports that arrive after a file's last test, or during its beforeAll / afterAll.
afterAll(assertNoCspViolations);
