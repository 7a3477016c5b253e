import { evaluateUnaryExpressionSync } from '@gorules/zen-engine';
const ctx = { $: true, lowSkilledMax: 2, requiredVks: 2, minFunctionVks: 5, shortageListRequired: true, onVdabShortageList: false, profession: '', isCareFunction: false };
for (const x of ['$ and (lowSkilledMax != null)', '$ and (requiredVks <= lowSkilledMax)', '$ and requiredVks <= lowSkilledMax', '$ and (shortageListRequired)', '$ and (onVdabShortageList == false)', '$ == true and onVdabShortageList == false', '$ and (salary < 3)'])
  { try { console.log(x, '=>', evaluateUnaryExpressionSync(x, ctx)); } catch (e) { console.log(x, 'ERR', String(e).slice(0, 100)); } }
