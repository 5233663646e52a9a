/**
 * A slow, literal reading of rules.md for the rules whose fast implementation is
 * clever (chains, pairs, vetoes, budget parents and costs, subordinates). It builds
 * every chain and walks up from every role, so it is quadratic: use it on small
 * documents only, as the oracle of the property test.
 */
import { DECISION_AREAS } from '../../../src/schema/constants.ts';
import type { OrgDocument, Role, DecisionRight } from '../../../src/schema/v1.ts';
import { DEFAULT_PARAMS } from '../../../src/rules/all.ts';
import { round9 } from '../../../src/rules/numbers.ts';

export interface Brief {
  rule: string;
  severity: string;
  roles: string[];
}

export class Reference {
  readonly roles: readonly Role[];
  readonly n: number;
  private readonly at = new Map<string, number>();

  constructor(readonly doc: OrgDocument) {
    this.roles = doc.roles;
    this.n = doc.roles.length;
    this.roles.forEach((r, i) => this.at.set(r.id, i));
  }

  ext(i: number): boolean {
    return this.roles[i]!.external;
  }

  /** The solid-line manager: an existing role other than itself, else -1. */
  mgr(i: number): number {
    const to = this.roles[i]!.reportsTo;
    const m = to === null ? undefined : this.at.get(to);
    return m === undefined || m === i ? -1 : m;
  }

  upWalk(u: number): number[] {
    const walk: number[] = [];
    for (let r = u; r !== -1 && !walk.includes(r); r = this.mgr(r)) {
      walk.push(r);
      if (this.ext(r)) break;
    }
    return walk;
  }

  inSub(u: number, h: number): boolean {
    return this.upWalk(u).includes(h);
  }

  hasReports(h: number): boolean {
    return this.roles.some((c, i) => !c.external && this.mgr(i) === h);
  }

  tops(): number[] {
    return this.roles.flatMap((r, i) => {
      if (r.external) return [];
      const m = this.mgr(i);
      return r.reportsTo === null || (m !== -1 && this.ext(m)) ? [i] : [];
    });
  }

  team(t: number): number {
    let sum = 0;
    for (let u = 0; u < this.n; u++) if (!this.ext(u) && this.inSub(u, t)) sum += this.roles[u]!.headcount;
    return sum;
  }

  root(): number {
    let best = -1;
    for (const t of this.tops()) if (best === -1 || this.team(t) > this.team(best)) best = t;
    return best;
  }

  scope(h: number, d: DecisionRight): 'own' | 'team' | 'department' {
    return d.scope ?? (this.ext(h) ? 'department' : this.hasReports(h) ? 'team' : 'own');
  }

  covers(h: number, d: DecisionRight, u: number): boolean {
    const s = this.scope(h, d);
    return s === 'own' ? u === h : s === 'team' ? this.inSub(u, h) : !this.ext(u);
  }

  /** chain(area, u) as [holder, decision index] entries, most specific first. */
  chain(area: string, u: number): [number, number][] {
    const decide = (h: number) => this.roles[h]!.decisions.flatMap((d, k): [number, number][] => (d.area === area && d.authority === 'decide' ? [[h, k]] : []));
    const out: [number, number][] = decide(u).filter(([h, k]) => this.scope(h, this.roles[h]!.decisions[k]!) === 'own');
    for (const h of this.upWalk(u)) out.push(...decide(h).filter(([, k]) => this.scope(h, this.roles[h]!.decisions[k]!) === 'team'));
    if (!this.ext(u)) for (let h = 0; h < this.n; h++) out.push(...decide(h).filter(([, k]) => this.scope(h, this.roles[h]!.decisions[k]!) === 'department'));
    return out;
  }

  /** The areas with rights, in the order of format.md (the order findings come in). */
  areas(): string[] {
    const used = new Set(this.roles.flatMap((r) => r.decisions.map((d) => d.area)));
    return DECISION_AREAS.filter((a) => used.has(a));
  }

  owners(): number[] {
    return this.roles.flatMap((r, i) => (!r.external && (r.accounts.reduce((s, a) => s + a.count, 0) > 0 || r.family === 'senior-am' || r.family === 'am') ? [i] : []));
  }

  id(i: number): string {
    return this.roles[i]!.id;
  }

  /** DEC-002 with the default parameters. */
  dec002(): Brief[] {
    const out: Brief[] = [];
    const root = this.root();
    const p = DEFAULT_PARAMS['DEC-002'];
    if (root >= 0) for (const a of p.requiredDepartmentAreas) if (this.chain(a, root).length === 0) out.push({ rule: 'DEC-002', severity: 'error', roles: [this.id(root)] });
    for (const a of p.requiredAccountAreas) {
      const un = this.owners().filter((u) => this.chain(a, u).length === 0);
      if (un.length > 0) out.push({ rule: 'DEC-002', severity: 'error', roles: un.map((u) => this.id(u)) });
    }
    return out;
  }

  dec004(): Brief[] {
    const root = this.root();
    if (root < 0) return [];
    return DEFAULT_PARAMS['DEC-004'].reservedToHead.flatMap((a) => {
      const first = this.chain(a, root)[0];
      if (!first || first[0] === root || this.ext(first[0])) return [];
      return [{ rule: 'DEC-004', severity: 'warning', roles: [this.id(root), this.id(first[0])] }];
    });
  }

  /** Distinct consecutive entries of every chain of every role, per area. */
  pairs(area: string): [number, number, number, number][] {
    const seen = new Set<string>();
    const out: [number, number, number, number][] = [];
    for (let u = 0; u < this.n; u++) {
      const c = this.chain(area, u);
      for (let i = 0; i + 1 < c.length; i++) {
        const key = `${c[i]}|${c[i + 1]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push([c[i]![0], c[i]![1], c[i + 1]![0], c[i + 1]![1]]);
      }
    }
    return out;
  }

  /** DEC-005 and the pair part of DEC-006, as sorted role keys. */
  pairFindings(rule: 'DEC-005' | 'DEC-006'): string[] {
    const keys: string[] = [];
    for (const area of this.areas()) {
      for (const [ch, ck, ph, pk] of this.pairs(area)) {
        const cl = this.roles[ch]!.decisions[ck]!.limit;
        const pl = this.roles[ph]!.decisions[pk]!.limit;
        const same = cl && pl && 'percent' in cl === 'percent' in pl;
        const v = (l: NonNullable<typeof cl>) => ('percent' in l ? l.percent : l.amount);
        const hit = rule === 'DEC-005' ? pl !== undefined && (cl === undefined || (same && v(cl!) > v(pl))) : same && v(cl!) === v(pl!);
        if (hit) keys.push(ch === ph ? this.id(ch) : `${this.id(ch)}>${this.id(ph)}`);
      }
    }
    return keys.sort();
  }

  dec006Owners(): string[] {
    const root = this.root();
    return this.owners()
      .filter((u) => u !== root)
      .filter((u) => {
        const c = this.chain('client-escalation', u);
        return c.length > 0 && c.every(([h]) => h === u);
      })
      .map((u) => this.id(u));
  }

  /** DEC-007 with maxAgree 2: per area, every holder covering a role that more than maxAgree holders cover. */
  dec007(): Brief[] {
    const out: Brief[] = [];
    const max = DEFAULT_PARAMS['DEC-007'].maxAgree;
    for (const area of this.areas()) {
      const found = new Set<number>();
      for (let u = 0; u < this.n; u++) {
        if (this.ext(u)) continue;
        const holders = this.roles.flatMap((r, h) => (r.decisions.some((d) => d.area === area && d.authority === 'agree' && this.covers(h, d, u)) ? [h] : []));
        if (holders.length > max) for (const h of holders) found.add(h);
      }
      if (found.size > 0) out.push({ rule: 'DEC-007', severity: 'warning', roles: [...found].sort((x, y) => x - y).map((h) => this.id(h)) });
    }
    return out;
  }

  /** BUD-002 with tolerance 0, as sorted "severity roles" keys. */
  bud002(): string[] {
    const places: [number, number][] = this.roles.flatMap((r, i) => r.budgets.map((_, k): [number, number] => [i, k]));
    const budget = ([i, k]: [number, number]) => this.roles[i]!.budgets[k]!;
    const firstById = (id: string) => places.findIndex((p) => budget(p).id === id);
    const keys: string[] = [];
    const children = new Map<number, number[]>();
    places.forEach((p, q) => {
      const b = budget(p);
      let parent = -1;
      if (b.parent !== undefined) {
        parent = firstById(b.parent);
        if (parent === -1 || parent === q) {
          keys.push(`error ${this.id(p[0])}`);
          return;
        }
      } else {
        for (const h of this.upWalk(p[0]).slice(1)) {
          if (this.ext(h)) continue;
          const k = this.roles[h]!.budgets.findIndex((x) => x.kind === b.kind);
          if (k >= 0) {
            parent = places.findIndex(([i, kk]) => i === h && kk === k);
            break;
          }
        }
      }
      if (parent >= 0) children.set(parent, [...(children.get(parent) ?? []), q]);
    });
    for (const [parent, kids] of children) {
      const sum = kids.reduce((s, q) => s + budget(places[q]!).amount, 0);
      if (sum > budget(places[parent]!).amount + 1e-9) {
        const owner = places[parent]![0];
        const others = [...new Set(kids.map((q) => places[q]![0]))].filter((o) => o !== owner).sort((a, b) => a - b);
        keys.push(`error ${[owner, ...others].map((o) => this.id(o)).join(',')}`);
      }
    }
    return keys.sort();
  }

  /** BUD-004 with the default ratios, as sorted "severity role" keys. */
  bud004(): string[] {
    const { loadFactor, warnRatio, errorRatio } = DEFAULT_PARAMS['BUD-004'];
    const personnel = (i: number) => this.roles[i]!.budgets.filter((b) => b.kind === 'personnel').reduce((s, b) => s + b.amount, 0);
    const owns = (i: number) => this.roles[i]!.budgets.some((b) => b.kind === 'personnel');
    const loaded = (i: number) => {
      const r = this.roles[i]!;
      return r.external || !r.salary ? 0 : r.headcount * ((r.salary.min + r.salary.max) / 2) * (1 + (r.salary.bonusPct ?? 0) / 100) * loadFactor;
    };
    const keys: string[] = [];
    for (let h = 0; h < this.n; h++) {
      if (!owns(h)) continue;
      let cost = 0;
      for (let u = 0; u < this.n; u++) {
        if (!this.inSub(u, h)) continue;
        const walk = this.upWalk(u);
        const between = walk.slice(1, walk.indexOf(h));
        if (between.some(owns)) continue;
        cost += u !== h && owns(u) ? personnel(u) : loaded(u);
      }
      const budget = personnel(h);
      if (round9(cost) > round9(budget * errorRatio)) keys.push(`error ${this.id(h)}`);
      else if (round9(cost) > round9(budget * warnRatio)) keys.push(`warning ${this.id(h)}`);
    }
    return keys.sort();
  }

  /** STR-003 errors for dotted lines to one's own subordinates, as role keys. */
  subordinateLines(): string[] {
    const keys: string[] = [];
    this.roles.forEach((r, i) => {
      const seen = new Set<string>();
      for (const line of r.dottedLines) {
        if (seen.has(line.to)) continue;
        seen.add(line.to);
        const t = this.at.get(line.to);
        if (t !== undefined && t !== i && this.inSub(t, i)) keys.push(`${r.id}>${line.to}`);
      }
    });
    return keys.sort();
  }
}
