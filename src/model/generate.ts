/**
 * A generator of realistic synthetic account-management organizations of any size,
 * seeded and deterministic: the same (roles, seed) gives the same document. Used by
 * property tests, benchmarks and `org generate`.
 *
 * Shape: an external APAC GM above the Head of Account Management, an external
 * global head (indirect manager) and product / marketing / operations partners; below
 * the head, layers of AM directors as needed, AM leads of about nine, and Senior
 * Account Managers and Account Managers who own accounts. Targets roll up with about
 * 11% over-assignment, limits grow up each chain, the personnel budget covers ~93%.
 */
import { CURRENT_VERSION, FORMAT_NAME, MAX_ROLES, roleWithDefaults } from '../schema/constants.ts';
import type { Budget, DecisionRight, OrgDocument, Role } from '../schema/v1.ts';

export interface GenerateOptions {
  /** Total number of roles in the document, externals included (1–50,000). */
  readonly roles: number;
  readonly seed?: number;
  readonly name?: string;
  /**
   * `full` gives every role a Chinese title, a holder and a salary; `lean` leaves them
   * off individual contributors so that 50,000 roles fit the 20 MB file limit.
   * Default: `full` up to 20,000 roles, `lean` above.
   */
  readonly detail?: 'full' | 'lean';
}

/** Deterministic PRNG (mulberry32): fast, and enough for synthetic data. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Lin', 'Gao', 'Luo'];
const GIVEN = ['Wei', 'Fang', 'Min', 'Jing', 'Lei', 'Yan', 'Jun', 'Hui', 'Xin', 'Tao', 'Ying', 'Hao', 'Lin', 'Qiang', 'Na', 'Yu', 'Jie', 'Ping', 'Chen', 'Rui'];
const REGIONS = ['East', 'North', 'South', 'West', 'Central', 'Greater Bay', 'Yangtze', 'Northeast'];

const LEAD_SPAN = 9;
const MID_SPAN = 8;
const HEAD_SPAN = 8;
const MAX_DIRECTOR_LAYERS = 3;
const LOAD_FACTOR = 1.3;

/** Generates a synthetic account-management organization with exactly `roles` roles. */
export function generateOrg(options: GenerateOptions): OrgDocument {
  const total = Math.max(1, Math.min(MAX_ROLES, Math.floor(options.roles)));
  const rand = createRandom(options.seed ?? 1);
  const lean = (options.detail ?? (total > 20_000 ? 'lean' : 'full')) === 'lean';
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const between = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const round = (x: number, step: number): number => Math.round(x / step) * step;
  // Managers' holders list their languages; individual contributors stay lean so that
  // 50,000 roles fit the 20 MB file limit.
  const person = (yearsExperience: number, yearsManagement?: number) => ({
    name: `${pick(SURNAMES)} ${pick(GIVEN)}`,
    yearsExperience,
    ...(yearsManagement !== undefined ? { yearsManagement, languages: ['zh', 'en'] } : {}),
  });

  const withExternals = total >= 6;
  const inside = total - (withExternals ? 5 : 0) - 1; // roles below the head
  // Manager layers, bottom-up: leads of about nine, then at most three layers of
  // directors (of about eight, wider in very large orgs, so levels stay distinct),
  // and at least three reports for the head.
  const layers: number[] = [];
  if (inside >= LEAD_SPAN + 1) {
    const leads = Math.ceil(inside / (LEAD_SPAN + 1));
    const directorLayers = leads <= HEAD_SPAN ? 0 : Math.min(MAX_DIRECTOR_LAYERS, Math.ceil(Math.log(leads / HEAD_SPAN) / Math.log(MID_SPAN)));
    const span = directorLayers === 0 ? 1 : Math.max(MID_SPAN, Math.ceil((leads / HEAD_SPAN) ** (1 / directorLayers)));
    let count = leads;
    layers.unshift(count);
    for (let d = 0; d < directorLayers; d++) {
      count = Math.ceil(count / span);
      layers.unshift(count);
    }
    if (layers.length > 1 && layers[0]! < 3) layers[0] = Math.min(3, layers[1]!);
  }
  const managerTotal = layers.reduce((a, b) => a + b, 0);
  const icTotal = inside - managerTotal;
  const headLevel = Math.min(8, 4 + Math.max(1, layers.length));

  const base = roleWithDefaults;
  const right = (area: DecisionRight['area'], scope: DecisionRight['scope'], limit?: DecisionRight['limit']): DecisionRight => ({
    area,
    authority: 'decide',
    scope,
    ...(limit ? { limit } : {}),
  });

  const roles: Role[] = [];
  if (withExternals) {
    roles.push(
      base({ id: 'apac-gm', title: 'APAC General Manager', titles: { 'zh-CN': '亚太区总经理' }, family: 'other', function: 'executive', level: Math.min(8, headLevel + 1), external: true, holder: person(22, 15) }),
      base({ id: 'global-head-am', title: 'Global Head of Account Management', titles: { 'zh-CN': '全球客户管理负责人' }, level: Math.min(8, headLevel + 2), external: true, holder: person(20, 14) }),
      base({ id: 'product-cn', title: 'Product Lead, China', titles: { 'zh-CN': '中国区产品负责人' }, function: 'product', level: 5, external: true }),
      base({ id: 'marketing-cn', title: 'Marketing Lead, China', titles: { 'zh-CN': '中国区市场负责人' }, function: 'marketing', level: 5, external: true }),
      base({ id: 'operations-cn', title: 'Operations Lead, China', titles: { 'zh-CN': '中国区运营负责人' }, function: 'operations', level: 5, external: true }),
    );
  }
  const head = base({
    id: 'head',
    title: 'Head of Account Management, China',
    titles: { 'zh-CN': '中国区客户管理负责人' },
    family: 'head-am',
    level: headLevel,
    reportsTo: withExternals ? 'apac-gm' : null,
    dottedLines: withExternals
      ? [
          { to: 'global-head-am', kind: 'indirect-manager' },
          { to: 'product-cn', kind: 'partner' },
          { to: 'marketing-cn', kind: 'partner' },
          { to: 'operations-cn', kind: 'partner' },
        ]
      : [],
    holder: person(18, 12),
    salary: { min: 1_200_000, max: 1_700_000, bonusPct: 15 },
    requirements: { minYearsManagement: 10, languages: ['zh', 'en'] },
    decisions: [
      right('account-strategy', 'department'),
      right('target-setting', 'department'),
      right('budget-allocation', 'department'),
      right('headcount-hiring', 'department'),
      right('pricing-discount', 'team', { percent: 20 }),
      right('contract-negotiation', 'team', { amount: 50_000_000 }),
      right('client-escalation', 'team'),
      right('account-assignment', 'team'),
      right('performance-review', 'team'),
    ],
  });
  roles.push(head);

  // Managers, layer by layer; each reports round-robin to the layer above.
  let above: string[] = [head.id];
  layers.forEach((count, layer) => {
    const isLead = layer === layers.length - 1;
    const level = Math.max(1, headLevel - 1 - layer);
    // Limits grow up each chain: 10% for a lead, one point more per layer above, 20% for the head.
    const below = layers.length - 1 - layer;
    const current: string[] = [];
    for (let j = 0; j < count; j++) {
      const id = isLead ? `lead-${roles.length}` : `director-${roles.length}`;
      const region = `${pick(REGIONS)} ${j + 1}`;
      roles.push(
        base({
          id,
          title: isLead ? `AM Lead, ${region}` : `AM Director, ${region}`,
          titles: { 'zh-CN': isLead ? `客户管理主管（${region}）` : `客户管理总监（${region}）` },
          family: 'am-lead',
          level,
          reportsTo: above[j % above.length]!,
          holder: person(between(8, 15), between(3, 9)),
          salary: isLead ? { min: 650_000, max: 900_000, bonusPct: 12 } : { min: 900_000, max: 1_200_000, bonusPct: 15 },
          decisions: [
            right('pricing-discount', 'team', { percent: 10 + below }),
            right('contract-negotiation', 'team', { amount: 5_000_000 * (1 + below) }),
            right('client-escalation', 'team'),
            right('account-assignment', 'team'),
            right('performance-review', 'team'),
          ],
        }),
      );
      current.push(id);
    }
    above = current;
  });

  // Senior AMs and AMs under the leads (or the head when the org is small).
  for (let j = 0; j < icTotal; j++) {
    const senior = j % 3 === 0;
    const vacant = rand() < 0.03;
    const accounts: Role['accounts'] = senior
      ? [{ tier: 'strategic', count: between(1, 2) }, ...(lean ? [] : [{ tier: 'enterprise' as const, count: between(3, 8) }])]
      : [...(lean ? [] : [{ tier: 'enterprise' as const, count: between(2, 6) }]), { tier: 'mid-market', count: between(10, 30) }];
    const detail: Partial<Role> = lean
      ? {}
      : {
          titles: { 'zh-CN': senior ? '高级客户经理' : '客户经理' },
          ...(vacant ? {} : { holder: senior ? person(between(5, 12)) : person(between(1, 5)) }),
          salary: senior ? { min: 400_000, max: 650_000, bonusPct: 10 } : { min: 250_000, max: 400_000, bonusPct: 8 },
        };
    roles.push(
      base({
        id: `${senior ? 'sam' : 'am'}-${roles.length}`,
        title: senior ? 'Senior Account Manager' : 'Account Manager',
        family: senior ? 'senior-am' : 'am',
        level: senior ? 3 : 2,
        reportsTo: above[j % above.length]!,
        vacancies: vacant ? 1 : 0,
        revenueTarget: round(senior ? between(12, 30) * 1_000_000 : between(4, 10) * 1_000_000, 100_000),
        accounts,
        decisions: senior && !lean && !vacant ? [right('pricing-discount', 'own', { percent: 5 })] : [],
        ...detail,
      }),
    );
  }

  return finishMoney(withArchetypes({
    format: FORMAT_NAME,
    version: CURRENT_VERSION,
    name: options.name ?? `Generated account management (${total} roles)`,
    currency: 'CNY',
    period: 'FY2026',
    roles,
    settings: { rules: {} },
    view: { positions: {}, collapsed: [], direction: 'TB' },
  }));
}

/** Gives each lead and director the archetype whose span range fits its team. */
function withArchetypes(doc: OrgDocument): OrgDocument {
  const span = new Map<string, number>();
  for (const r of doc.roles) if (r.reportsTo !== null && !r.external) span.set(r.reportsTo, (span.get(r.reportsTo) ?? 0) + r.headcount);
  const archetypeOf = (n: number): Role['archetype'] => (n <= 5 ? 'player-coach' : n <= 7 ? 'coach' : n <= 10 ? 'supervisor' : n <= 15 ? 'facilitator' : 'coordinator');
  return { ...doc, roles: doc.roles.map((r) => (r.family === 'am-lead' ? { ...r, archetype: archetypeOf(span.get(r.id) ?? 0) } : r)) };
}

/**
 * Rolls targets up (a manager's target is ~90% of what its team carries) and sizes the
 * head's budgets from the loaded cost, in one reverse pass: reports come after managers.
 */
function finishMoney(doc: OrgDocument): OrgDocument {
  const roles = doc.roles.slice();
  const at = new Map(roles.map((r, i) => [r.id, i] as const));
  const teamTarget = new Float64Array(roles.length);
  let loadedCost = 0;
  for (let i = roles.length - 1; i >= 0; i--) {
    const r = roles[i]!;
    if (r.external) continue;
    if (r.salary) loadedCost += r.headcount * ((r.salary.min + r.salary.max) / 2) * (1 + (r.salary.bonusPct ?? 0) / 100) * LOAD_FACTOR;
    let own = r.revenueTarget ?? 0;
    if (teamTarget[i]! > 0) {
      own = Math.round((teamTarget[i]! * 0.9) / 100_000) * 100_000;
      roles[i] = { ...r, revenueTarget: own };
    }
    const m = r.reportsTo === null ? undefined : at.get(r.reportsTo);
    if (m !== undefined && !roles[m]!.external) teamTarget[m]! += own * r.headcount;
  }
  const headAt = at.get('head')!;
  const head = roles[headAt]!;
  const personnel = Math.ceil(loadedCost / 0.93 / 100_000) * 100_000;
  const budgets: Budget[] = [
    { id: 'CN-AM-PERSONNEL', kind: 'personnel', amount: personnel },
    { id: 'CN-AM-OPERATING', kind: 'operating', amount: Math.round(personnel * 0.08 / 100_000) * 100_000 },
  ];
  roles[headAt] = { ...head, budgets };
  return { ...doc, roles };
}
