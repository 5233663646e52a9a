/**
 * Unit, property and CLI tests run with the rules loaded, as the app is a moment after its
 * first paint (src/store/rules.ts): derive() then has findings, and loading a document
 * notes unknown rule parameters. Tests of the time before the rules load say so.
 */
import { loadRules } from '../../src/store/rules.ts';

await loadRules();
