/**
 * What the app loads of the rules after its first paint (store/rules.ts): the engine, the
 * catalogue and the rules' words. The chart paints without them; findings follow when
 * this chunk is in, a moment later. Node (the CLI, tests) imports the modules directly.
 */
export { checkDocument, effectiveParams } from './engine.ts';
export { catalogue, ruleInfo, settingsInfo, type RuleInfo } from './catalogue.ts';
export { documentEnv, findingMessage, loadRuleTexts, messageEnv, ruleTexts, type RuleTexts } from './texts.ts';
export { fill } from './message.ts';
export { acceptFinding, canAccept, remediesFor, type Remedy, type RemedyLabel } from './remedies.ts';
