/**
 * Every word a rule says, in both languages (issue 20, point 2): a Chinese text for every
 * rule, message id, quote and engine message, with the same placeholders; findings worded
 * again in Chinese from their message id and data, without checking again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/rules/all.ts';
import { catalogue, ruleInfo } from '../../../src/rules/catalogue.ts';
import { checkDocument } from '../../../src/rules/engine.ts';
import { fill, type MessageEnv } from '../../../src/rules/message.ts';
import { QUOTES } from '../../../src/rules/sources.ts';
import { documentEnv, EN_TEXTS, ENGINE_MESSAGES, findingMessage, loadRuleTexts } from '../../../src/rules/texts.ts';
import { parseDocument } from '../../../src/schema/parse.ts';
import type { OrgDocument } from '../../../src/schema/v1.ts';
import { makeDoc, role } from './helpers.ts';

const placeholders = (template: string): string[] => [...template.matchAll(/\{([A-Za-z0-9_$]+)(?:\|[^}]*)?\}/g)].map((m) => m[1]!).sort();
const preset = (name: string): OrgDocument => {
  const result = parseDocument(readFileSync(new URL(`../../../presets/${name}.json`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.doc;
};
const HAN = /[\u4e00-\u9fff]/;

describe('Chinese texts', async () => {
  const zh = await loadRuleTexts('zh-CN');

  it('give every rule a title, an explanation and its practice', () => {
    for (const rule of RULES) {
      const words = zh.rules.get(rule.id);
      expect(words, rule.id).toBeDefined();
      expect(words!.title, rule.id).toMatch(HAN);
      expect(words!.why, rule.id).toMatch(HAN);
      expect(words!.practice === undefined, `${rule.id} practice`).toBe(rule.practice === undefined);
    }
  });

  it('translate every message id of every rule, with the same placeholders', () => {
    const missing: string[] = [];
    for (const rule of RULES) {
      for (const [key, english] of Object.entries<string>(rule.messages)) {
        const id = `${rule.id}/${key}`;
        const chinese = zh.templates.get(id);
        if (chinese === undefined) {
          missing.push(id);
          continue;
        }
        expect(placeholders(chinese), id).toEqual(placeholders(english));
        // A template with words has Chinese ones ("{from} → {to}" has none to translate).
        if (/[A-Za-z]/.test(english.replace(/\{[^}]*\}/g, ''))) expect(chinese, id).toMatch(HAN);
      }
    }
    for (const [key, english] of Object.entries(ENGINE_MESSAGES)) {
      const chinese = zh.templates.get(`ENGINE/${key}`);
      expect(chinese, key).toBeDefined();
      expect(placeholders(chinese!)).toEqual(placeholders(english));
    }
    expect(missing).toEqual([]);
  });

  it('has no message for an id the rules do not have', () => {
    for (const id of zh.templates.keys()) expect(EN_TEXTS.templates.has(id), id).toBe(true);
  });

  it('renders every source quote beside the English original, which stays as it is', () => {
    for (const quote of Object.values(QUOTES)) expect(zh.quotes.get(quote.text), quote.text).toMatch(HAN);
    for (const info of catalogue(zh)) {
      const english = ruleInfo(info.id)!;
      expect(info.quotes.map((q) => q.text)).toEqual(english.quotes.map((q) => q.text));
      for (const q of info.quotes) expect(q.rendering).toMatch(HAN);
      expect(info.title).not.toBe(english.title);
    }
  });
});

describe('findings in a language', async () => {
  const zh = await loadRuleTexts('zh-CN');

  it('words every finding of the anti-patterns preset in Chinese from its message id and data', () => {
    const doc = preset('anti-patterns');
    const findings = checkDocument(doc);
    expect(findings.length).toBeGreaterThan(10);
    const env = documentEnv(zh, doc);
    for (const f of findings) {
      expect(f.messageId, f.message).toMatch(/^[A-Z]+(-\d{3})?\/\w+$/);
      const chinese = findingMessage(f, env);
      expect(chinese, f.message).toMatch(HAN);
      expect(chinese).not.toMatch(/\{[A-Za-z]+\}/);
      // English words of the templates do not leak into the Chinese text.
      expect(chinese, chinese).not.toMatch(/\b(has|manages|should|the|and|or)\b/);
    }
    // The English message stays as the engine wrote it, and English texts give it back.
    const en = documentEnv(EN_TEXTS, doc);
    for (const f of findings) expect(findingMessage(f, en)).toBe(f.message);
  });

  it('uses titles["zh-CN"] and formats numbers and money for the language', () => {
    const doc = makeDoc(
      [role('head', { family: 'head-am', level: 6, titles: { 'zh-CN': '负责人' } }), role('lead', { family: 'am-lead', level: 4, reportsTo: 'head', titles: { 'zh-CN': '主管甲' } })],
      { currency: 'CNY' },
    );
    const f = checkDocument(doc).find((x) => x.rule === 'SPAN-001')!;
    expect(f.message).toContain('head manages 1 direct report, a one-over-one');
    expect(findingMessage(f, documentEnv(zh, doc))).toContain('负责人只管理 1 名直接下属');
    const env: MessageEnv = { ...documentEnv(zh, doc), template: () => '{m} {n}' };
    expect(fill('{m} {n}', { m: { money: 1234567.5 }, n: 12345.678 }, env, 'X')).toBe('CNY\u00a01,234,567.5 12,345.68');
    expect(fill('{m} {n|# role|# roles}', { m: { money: 500000 }, n: 2 }, documentEnv(EN_TEXTS, doc), 'X')).toBe('CNY\u00a0500,000 2 roles');
  });

  it('keeps an accepted exception\'s reason, worded in the language', () => {
    const doc = makeDoc([role('head', { family: 'head-am', level: 6, exceptions: [{ rule: 'SPAN-001', reason: '过渡期' }] }), role('lead', { family: 'am-lead', level: 4, reportsTo: 'head' })]);
    const f = checkDocument(doc).find((x) => x.rule === 'SPAN-001')!;
    expect(f.severity).toBe('info');
    expect(f.message).toMatch(/Accepted exception: 过渡期$/);
    expect(findingMessage(f, documentEnv(zh, doc))).toMatch(/已接受的例外：过渡期$/);
  });
});
