/**
 * The checks beside the form: how many errors and warnings the file has (each one a link to its
 * field's part of the editor), and the balance check's verdicts.
 */
import { h } from 'preact';
import type { El } from './fields.ts';
import { problemText } from '../../locales/authoring.ts';
import { t } from '../../locales/index.ts';
import { wordBalance } from '../checks.ts';
import { balance, cardIndex, checked, checking, doc, uiLanguage, view, type View } from './state.ts';

/** The part of the editor where the field a problem is about is shown. */
export function viewOf(path: string): { view: View; card?: number } {
  const card = /^cards\[(\d+)\]/.exec(path);
  if (card) return { view: 'cards', card: Number(card[1]) };
  for (const v of ['meters', 'stakeholders', 'endings', 'debrief'] as const) if (path.startsWith(v)) return { view: v };
  return { view: 'scenario' };
}

export function ChecksPanel(): El {
  const problems = checked.value?.problems ?? [];
  const lang = uiLanguage.value;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const go = (path: string) => {
    const where = viewOf(path);
    view.value = where.view;
    if (where.card !== undefined) cardIndex.value = where.card;
  };
  return h('aside', { class: 'mme-checks', 'aria-labelledby': 'mme-checks-title' },
    h('h2', { id: 'mme-checks-title' }, t('edChecks')),
    h('p', { role: 'status', class: errors > 0 ? 'mme-problems' : undefined }, checked.value === null ? t('edChecking') : errors === 0 && warnings === 0 ? t('edNoProblems') : t('edProblemCount', { errors, warnings }), checking.value && checked.value !== null ? h('span', { class: 'mme-hint' }, t('edCheckingAgain')) : null),
    problems.length > 0 ? h('ul', { class: 'mme-check-list' }, problems.slice(0, 30).map((p, i) => h('li', { key: i },
      h('button', { type: 'button', class: 'mme-link', onClick: () => go(p.path) }, `${p.severity === 'error' ? t('edError') : t('edWarning')}: ${problemText(p, lang)}`)))) : null,
    h(BalancePanel, {}));
}

/** The balance check's verdicts (random, careful, one master each) with what in the deck causes them. */
function BalancePanel(): El {
  const lang = uiLanguage.value;
  const current = doc.value;
  const result = balance.value;
  const scenario = current?.parsed;
  const fresh = result !== null && current !== null && result.text === current.text;
  return h('section', { class: 'mme-balance', 'aria-labelledby': 'mme-balance-title' },
    h('h3', { id: 'mme-balance-title' }, t('edBalance')),
    !result || !scenario ? h('p', { class: 'mme-hint' }, t('edBalanceWaiting')) : h('div', null,
      fresh ? null : h('p', { class: 'mme-hint' }, t('edBalanceOld')),
      h('ul', { class: 'mme-verdicts' }, wordBalance(result.result, scenario, lang).map((v, i) => h('li', { key: i, class: v.ok ? 'mme-ok' : 'mme-missed' },
        h('span', { class: 'mme-sr' }, v.ok ? t('edVerdictOk') : t('edVerdictMissed')),
        h('span', { 'aria-hidden': 'true' }, v.ok ? '✓ ' : '✗ '),
        v.text,
        v.cause ? h('span', { class: 'mme-cause' }, ` ${v.cause}`) : null)))));
}
