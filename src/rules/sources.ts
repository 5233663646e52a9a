/**
 * The sentences the rules are grounded in, quoted verbatim from the two source
 * documents in docs/sources/ (a test checks each quote against the files).
 */
export type SourceDocument = 'China JD' | 'Head vs Senior';

/** Which file in docs/sources/ each source document is. */
export const SOURCE_FILES: Readonly<Record<SourceDocument, string>> = {
  'China JD': 'head-of-account-management-china.txt',
  'Head vs Senior': 'head-vs-senior-account-manager.txt',
};

export interface Quote {
  readonly document: SourceDocument;
  readonly text: string;
}

const jd = (text: string): Quote => ({ document: 'China JD', text });
const hvs = (text: string): Quote => ({ document: 'Head vs Senior', text });

export const QUOTES = {
  headOversees: hvs('The Head of Account Management is a senior leadership position responsible for overseeing the entire account management department.'),
  crossFunctional: jd('collaborate with cross-functional teams like product, marketing, and operations'),
  progression: hvs('Progressed from lower-level roles, such as Account Manager or Senior Account Manager, to develop their skills and expertise'),
  buildTeam: jd('A primary duty is to build, mentor, and lead a high-performing team of Account Managers and Leads.'),
  seniorLimitedReports: hvs('The Senior Account Manager may mentor junior staff but has limited direct reports and focuses primarily on their individual account portfolio.'),
  cSuite: jd('This involves engaging with C-suite and senior payments executives to understand their business objectives, proactively advising on payment strategy, and advocating for their needs within the hiring organization.'),
  portfolio: hvs('Managing a portfolio of key client accounts, ensuring high levels of client satisfaction and retention'),
  strategicAuthority: hvs('The Head of Account Management has strategic decision-making authority, influencing department-wide goals, budgets, and resource allocation.'),
  tacticalAuthority: hvs('The Senior Account Manager, on the other hand, makes tactical decisions within their assigned accounts, resolving client issues, and negotiating contracts.'),
  escalations: jd('A significant part of the job is to resolve escalations'),
  budgets: hvs('The Head of Account Management oversees department budgets and is responsible for achieving overall revenue targets.'),
  revenueGoals: hvs('The Senior Account Manager is focused on individual account revenue goals, managing client budgets, and identifying opportunities for growth.'),
  headSalary: hvs('On average, a Head of Account Management can expect a salary range of $120,000 to $200,000 per year.'),
  headBonus: hvs('Bonuses can range from 10% to 20% of the annual salary.'),
  seniorSalary: hvs('On average, a Senior Account Manager can expect a salary range of $80,000 to $150,000 per year.'),
  seniorBonus: hvs('Bonuses can range from 5% to 15% of the annual salary.'),
  peopleManagement: jd('Leadership experience is paramount, usually requiring 10+ years of people management, with a demonstrated ability to inspire, develop talent, and scale teams.'),
  languages: jd('Fluency in both Mandarin and English is a fundamental requirement to navigate local business culture and communicate effectively with global headquarters.'),
  seniorYears: hvs('5-8 years of experience in account management, with a track record of success in managing client relationships and achieving revenue growth targets'),
} as const satisfies Record<string, Quote>;
