/** The "New" document: a single Head of Account Management role (presets.md). */
import { CURRENT_VERSION, FORMAT_NAME, type OrgDocument } from '../schema/v1.ts';

/** A blank document holding one Head of Account Management. */
export function blankDocument(name = 'New organization'): OrgDocument {
  return {
    format: FORMAT_NAME,
    version: CURRENT_VERSION,
    name,
    currency: 'CNY',
    roles: [
      {
        id: 'head',
        title: 'Head of Account Management',
        titles: { 'zh-CN': '客户管理负责人' },
        family: 'head-am',
        function: 'account-management',
        level: 5,
        reportsTo: null,
        dottedLines: [],
        external: false,
        assistant: false,
        headcount: 1,
        vacancies: 0,
        accounts: [],
        budgets: [],
        decisions: [],
        // What the China JD asks of the head: 10+ years of people management, Mandarin and English.
        requirements: { minYearsManagement: 10, languages: ['zh', 'en'] },
        exceptions: [],
      },
    ],
    settings: { rules: {} },
    view: { positions: {}, collapsed: [], direction: 'TB' },
  };
}
