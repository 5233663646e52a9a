/** Words for messages: decision areas, limits and tiers as an account-management leader says them. */
import type { DecisionArea, Limit } from '../schema/v1.ts';
import { fmt } from './numbers.ts';

export const AREA_LABELS: Readonly<Record<DecisionArea, string>> = {
  'account-strategy': 'account strategy',
  'target-setting': 'target setting',
  'budget-allocation': 'budget allocation',
  'headcount-hiring': 'headcount and hiring',
  'performance-review': 'performance reviews',
  'account-assignment': 'account assignment',
  'pricing-discount': 'pricing and discounts',
  'contract-negotiation': 'contract negotiation',
  'client-escalation': 'client escalations',
  'account-plan': 'account plans',
  'spend-approval': 'spend approval',
  'cross-functional-priority': 'cross-functional priorities',
  'day-to-day-service': 'day-to-day service',
};

/** "pricing and discounts" for an area id. */
export function areaLabel(area: DecisionArea): string {
  return AREA_LABELS[area];
}

/** "up to 20%", "up to 500,000 CNY" or "no limit". */
export function limitLabel(limit: Limit | undefined, currency: string): string {
  if (!limit) return 'no limit';
  return 'percent' in limit ? `up to ${fmt(limit.percent)}%` : `up to ${fmt(limit.amount)} ${currency}`;
}
