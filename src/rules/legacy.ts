/**
 * Transition only (issue 20): wraps a rule family not yet written as defineRule modules,
 * with its texts from catalogue.ts and its parameters from params.ts. Removed when every
 * family has its modules.
 */
import type { RuleImpl } from './context.ts';
import { defineRule, type AnyRule, type RuleFamily } from './define.ts';
import type { Severity } from '../schema/v1.ts';
import { QUOTES, type Quote } from './sources.ts';
import { DEFAULT_PARAMS, SHAPES, hasParams } from './params.ts';
import type { ParamSpec, Shape } from './param.ts';
import type { Finding } from './types.ts';

export interface LegacyRule extends AnyRule {
  readonly legacyCheck: RuleImpl['check'];
}

export function legacy(family: RuleFamily, impls: readonly RuleImpl[]): LegacyRule[] {
  return impls.map((impl) => {
    const e = ENTRIES[impl.id]!;
    const params: Record<string, ParamSpec<unknown>> = {};
    if (hasParams(impl.id)) {
      const shape = SHAPES[impl.id] as { fields: Record<string, Shape> };
      const defaults = DEFAULT_PARAMS[impl.id] as Record<string, unknown>;
      for (const key of Object.keys(defaults)) params[key] = { shape: shape.fields[key]!, value: defaults[key] };
    }
    const rule = defineRule({ id: impl.id, family, title: e.title, why: e.why, quotes: e.quotes, practice: e.practice, severities: e.severities, params, messages: {}, check: () => {} });
    return { ...rule, legacyCheck: impl.check };
  });
}

export const isLegacy = (rule: AnyRule): rule is LegacyRule => 'legacyCheck' in rule;
export type { Finding };

interface Entry {
  readonly title: string;
  readonly why: string;
  readonly quotes?: readonly Quote[];
  readonly practice?: string;
  readonly severities: readonly Severity[];
}

const E: readonly Severity[] = ['error'];
const W: readonly Severity[] = ['warning'];
const I: readonly Severity[] = ['info'];
const EW: readonly Severity[] = ['error', 'warning'];
const WI: readonly Severity[] = ['warning', 'info'];
const EWI: readonly Severity[] = ['error', 'warning', 'info'];

const SPANS = 'McKinsey, "How to identify the right spans of control" (player-coach 3–5, coach 6–7, supervisor 8–10, facilitator 11–15, coordinator 15+); OrgVue span buckets (1:1, micro teams)';
const BUDGET_PRACTICE = 'Budget hierarchy consistency (SAP, PeopleSoft); loaded cost = base × on-cost + variable (ChartHop)';
const REVENUE_PRACTICE = 'Quota over-assignment practice (10–20% normal, 50% a concern)';

const ENTRIES: Readonly<Record<string, Entry>> = {
  'STR-001': { title: 'Valid reporting lines', severities: E, quotes: [QUOTES.headOversees], practice: 'Unity of command (Fayol); ChartHop: one direct manager per job', why: 'Everyone needs exactly one real manager; a line to nobody, to oneself or around in a circle leaves people without anyone accountable for them.' },
  'STR-002': { title: 'One top of the department', severities: EW, quotes: [QUOTES.headOversees], practice: 'Unity of command (Fayol); ChartHop: one direct manager per job', why: 'The head oversees the entire department, so every role should sit in one hierarchy under one top role; loose roles and parallel hierarchies escape that oversight.' },
  'STR-003': { title: 'Sound dotted lines', severities: EW, quotes: [QUOTES.crossFunctional], practice: 'Solid vs dotted line practice (one indirect manager, ChartHop)', why: 'Dotted lines connect people with partners outside their own line; a dotted line into one\'s own team, to one\'s own manager or to several "second bosses" only blurs who leads.' },
  'STR-004': { title: 'Open positions and pooled nodes', severities: EW, practice: 'Open positions and acting managers (delegation-of-authority practice)', why: 'A team needs a person who manages it: a pooled node or an open position cannot, so name an acting manager or split out the manager.' },
  'STR-005': { title: 'No more layers than needed', severities: W, practice: 'Bain, "Streamlining spans and layers": more layers slow decisions; span/layer geometry', why: 'Every extra layer slows decisions and adds cost; a department of this size can be run with fewer layers at a healthy span.' },
  'STR-006': { title: 'Levels rise up the line', severities: EW, quotes: [QUOTES.progression], practice: 'OrgVue on grade compression', why: 'People progress from Account Manager to Senior Account Manager to lead; a report at or above the manager\'s level leaves no room to grow and muddles authority.' },
  'STR-007': { title: 'One head with cross-functional partners', severities: WI, quotes: [QUOTES.buildTeam, QUOTES.crossFunctional], why: 'The department is led by one Head of Account Management, who works with product, marketing and operations; missing partner lines leave client needs without a channel.' },
  'SPAN-001': { title: 'No one-over-ones or micro teams', severities: W, practice: SPANS, why: 'A manager with one or two reports adds a layer without adding leverage; merge small teams or remove the layer.' },
  'SPAN-002': { title: 'Span within the archetype\'s range', severities: EW, practice: SPANS, why: 'How many people a manager can lead depends on how they work: a player-coach manages few, a facilitator many. Beyond the range, coaching and reviews suffer.' },
  'SPAN-003': { title: 'Span below the archetype\'s range', severities: I, practice: SPANS, why: 'A team smaller than its manager\'s archetype expects suggests the archetype is wrong or the team could be merged.' },
  'SPAN-004': { title: 'Senior AMs and AMs keep small teams', severities: W, quotes: [QUOTES.seniorLimitedReports], why: 'A Senior Account Manager mentors but focuses on their own portfolio, and an Account Manager manages nobody; larger teams belong with a lead.' },
  'SPAN-005': { title: 'Managers who sell are player-coaches', severities: W, quotes: [QUOTES.cSuite], practice: 'Player-coach managers need lower spans (Alexander Group)', why: 'A manager who also owns client accounts has less time to lead, so they should be a player-coach with a small team.' },
  'SPAN-006': { title: 'Portfolio load within capacity', severities: EW, quotes: [QUOTES.portfolio], practice: 'Account-coverage norms per tier (practitioner benchmarks, warnings only)', why: 'Each tier of account needs a certain amount of attention; a portfolio above capacity means clients get less than they need, and managers have only part of their time.' },
  'SPAN-007': { title: 'Strategic accounts with senior people', severities: W, quotes: [QUOTES.portfolio], practice: 'Account-coverage norms per tier (practitioner benchmarks, warnings only)', why: 'Strategic clients expect senior counterparts; owners below the strategic level lack the standing and authority these accounts need.' },
  'DEC-001': { title: 'One decider per decision', severities: E, practice: 'Bain RAPID: one D per decision', why: 'When two people both decide the same thing, nobody does; each decision needs exactly one decider.' },
  'DEC-002': { title: 'Required decisions have an owner', severities: E, quotes: [QUOTES.strategicAuthority], why: 'The head decides department-wide goals, budgets and resources, and every account owner needs someone who decides pricing, contracts, assignment and escalations for their accounts.' },
  'DEC-003': { title: 'Authority fits the level', severities: EW, quotes: [QUOTES.tacticalAuthority], why: 'Senior Account Managers make tactical decisions within their accounts; strategic decisions held low in the organization go beyond the holder\'s role.' },
  'DEC-004': { title: 'Strategic decisions stay with the head', severities: W, quotes: [QUOTES.strategicAuthority], why: 'Account strategy, targets and budget allocation are the head\'s to decide; others should recommend rather than decide them.' },
  'DEC-005': { title: 'No delegation beyond the delegator', severities: E, practice: 'Delegation of authority: no one delegates more authority than they hold', why: 'Nobody can delegate more authority than they hold: a limit that grows down the line means a junior can approve what their manager cannot.' },
  'DEC-006': { title: 'Escalations lead somewhere', severities: W, quotes: [QUOTES.escalations], why: 'Resolving escalations is a core job of management; an escalation that goes nowhere, or to someone with the same limit, gains nothing for the client.' },
  'DEC-007': { title: 'Few vetoes per decision', severities: W, practice: 'Bain RAPID: "watch for a proliferation of A\'s"', why: 'Every agree right is a veto; when many people can block the same decision, decisions stall.' },
  'DEC-008': { title: 'People decisions on the solid line', severities: W, practice: 'Solid-line managers review and hire; dotted-line leaders give input', why: 'Hiring and performance reviews belong to the solid-line manager; people outside the line should give input, not decide.' },
  'DEC-009': { title: 'No decisions held by a vacant role', severities: W, practice: 'One accountable owner per cost center; acting holders for vacancies', why: 'A decision held by an empty position has nobody to make it; name an acting holder until the position is filled.' },
  'BUD-001': { title: 'One owner per budget', severities: EW, practice: 'One accountable owner per cost center; acting holders for vacancies', why: 'A budget with two owners, or an owner who is not there, has nobody accountable for it.' },
  'BUD-002': { title: 'Budgets roll up', severities: E, quotes: [QUOTES.budgets], practice: BUDGET_PRACTICE, why: 'Budgets handed down the line must fit inside the budget they come from; otherwise the department plans to spend more than it has.' },
  'BUD-003': { title: 'Budgets fit the role', severities: W, quotes: [QUOTES.budgets], practice: BUDGET_PRACTICE, why: 'The head oversees department budgets; each kind of budget belongs with the role that spends it, and personnel budgets with the people\'s manager.' },
  'BUD-004': { title: 'Headcount cost within the personnel budget', severities: EW, quotes: [QUOTES.budgets], practice: BUDGET_PRACTICE, why: 'The loaded cost of the positions (salary, bonus and on-costs) must fit in the personnel budget that pays for them.' },
  'BUD-005': { title: 'Revenue targets roll up', severities: EW, quotes: [QUOTES.revenueGoals], practice: REVENUE_PRACTICE, why: 'A team\'s targets should add up to its manager\'s target with a modest cushion; under-assigned targets leave the goal uncovered, heavily over-assigned ones demotivate.' },
  'BUD-006': { title: 'Targets and accounts go together', severities: W, quotes: [QUOTES.revenueGoals], practice: REVENUE_PRACTICE, why: 'An account manager\'s revenue target comes from their accounts: a target without accounts, or accounts without a target, is a gap in the plan.' },
  'BUD-007': { title: 'Salary bands are consistent', severities: EWI, quotes: [QUOTES.headSalary, QUOTES.headBonus, QUOTES.seniorSalary, QUOTES.seniorBonus], why: 'A band must run from low to high, a report should not earn more than the manager can, and bands far from the market are worth a second look.' },
  'QUAL-001': { title: 'Holders meet the family\'s bar', severities: W, quotes: [QUOTES.peopleManagement, QUOTES.seniorYears], why: 'A Head of Account Management usually brings 10+ years of people management and a Senior Account Manager 5–8 years of experience; a holder below that needs a plan.' },
  'QUAL-002': { title: 'Holders meet the role\'s requirements', severities: W, quotes: [QUOTES.peopleManagement, QUOTES.languages], why: 'When a role states what it asks of its holder (years, languages such as Mandarin and English), the holder should meet it or have a development plan.' },
};

