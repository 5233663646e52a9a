/**
 * Role profiles quoted from the source documents (docs/sources): responsibilities,
 * skills and typical career path, for the families the documents describe. Quoted
 * verbatim, with the document's name, so the inspector can show where each line comes from.
 */
import type { Family } from '../schema/v1.ts';

export const DOCUMENTS = {
  'head-vs-senior': 'Head of Account Management vs Senior Account Manager',
  'china-jd': 'Head of Account Management, China',
} as const;
export type DocumentKey = keyof typeof DOCUMENTS;

export interface ProfileSection {
  readonly document: DocumentKey;
  readonly responsibilities: readonly string[];
  readonly skills: readonly string[];
  readonly careerPath: readonly string[];
}

const PROFILES: Partial<Record<Family, readonly ProfileSection[]>> = {
  'head-am': [
    {
      document: 'head-vs-senior',
      responsibilities: [
        'Developing and implementing account management strategies to achieve business objectives',
        'Setting department goals and Key Performance Indicators (KPIs) to measure success',
        'Managing budgets and resources to optimize department performance',
        'Overseeing team performance and growth, including coaching, mentoring, and developing staff',
      ],
      skills: [
        'Strong leadership and team management skills to motivate and guide the account management team',
        'Strategic planning and execution abilities to develop and implement effective account management strategies',
        'Financial acumen to manage budgets and resources effectively',
        'Excellent cross-functional collaboration skills to work with other departments, such as sales, marketing, and customer service',
      ],
      careerPath: [
        'An advanced degree, such as an MBA or a related field',
        '10+ years of experience in account management, with a track record of success in leadership roles',
        'Progressed from lower-level roles, such as Account Manager or Senior Account Manager, to develop their skills and expertise',
      ],
    },
    {
      document: 'china-jd',
      responsibilities: [
        'A primary duty is to build, mentor, and lead a high-performing team of Account Managers and Leads.',
        'A significant part of the job is to resolve escalations, ensure seamless project delivery, and collaborate with cross-functional teams like product, marketing, and operations to align internal resources with client success.',
      ],
      skills: [
        'Fluency in both Mandarin and English is a fundamental requirement to navigate local business culture and communicate effectively with global headquarters.',
      ],
      careerPath: [
        'Leadership experience is paramount, usually requiring 10+ years of people management, with a demonstrated ability to inspire, develop talent, and scale teams.',
      ],
    },
  ],
  'senior-am': [
    {
      document: 'head-vs-senior',
      responsibilities: [
        'Managing a portfolio of key client accounts, ensuring high levels of client satisfaction and retention',
        'Developing and maintaining strong relationships with clients, understanding their business needs and identifying opportunities to deliver value',
        'Identifying opportunities to upsell and cross-sell, and developing strategies to achieve revenue growth targets',
        'Ensuring client satisfaction and retention through regular communication, issue resolution, and proactive account management',
      ],
      skills: [
        'Strong relationship-building and management skills, with the ability to build trust and rapport with clients',
        'Excellent problem-solving and conflict resolution skills, with the ability to navigate complex client issues',
        'Strong negotiation and communication skills, with the ability to articulate value propositions and resolve conflicts',
        'Industry-specific knowledge and understanding of client business needs and challenges',
      ],
      careerPath: [
        "A bachelor's degree in business or a related field",
        '5-8 years of experience in account management, with a track record of success in managing client relationships and achieving revenue growth targets',
        'Progression from an Account Manager or similar role, with increasing levels of responsibility and complexity',
      ],
    },
  ],
};

/** What the source documents say about a family's role; empty when they describe none. */
export function roleProfile(family: Family): readonly ProfileSection[] {
  return PROFILES[family] ?? [];
}
