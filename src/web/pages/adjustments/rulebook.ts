// The rulebooks (规则集) as the server ships them: loaded once per page view and cached, so that
// step labels, kinds, triggers and clocks always come from the rulebook an application runs
// under (never hard-coded here). Their shapes are the contract's (contract/rulebook.ts).
import { useEffect, useState } from 'react';
import { http } from '../../api.ts';
import { showError } from '../../lib/feedback.ts';
import { articleWords } from '../../../contract/wire.ts';
import type { RulebookData, RulebookIndexWire as RulebookIndex, StepDef } from '../../../contract/rulebook.ts';
import type { AdjustmentKind, StepId } from './model.ts';

export type {
  Clock,
  RulebookData,
  RulebookIndexWire as RulebookIndex,
  StepDef,
} from '../../../contract/rulebook.ts';

const cache = new Map<string, Promise<RulebookData>>();

export function loadRulebook(id: string): Promise<RulebookData> {
  let p = cache.get(id);
  if (!p) {
    p = http.get<RulebookData>(`/api/rulebooks/${encodeURIComponent(id)}`);
    p.catch(() => cache.delete(id));
    cache.set(id, p);
  }
  return p;
}

export const loadRulebookIndex = () => http.get<RulebookIndex>('/api/rulebooks');

/** The rulebooks with these ids, as a map (ids repeat across rows; each is fetched once). */
export function useRulebooks(ids: string[]): Map<string, RulebookData> {
  const key = [...new Set(ids)].sort().join(',');
  const [books, setBooks] = useState(new Map<string, RulebookData>());
  useEffect(() => {
    let live = true;
    const list = key ? key.split(',') : [];
    Promise.all(list.map(loadRulebook))
      .then((rs) => {
        if (live) setBooks(new Map(rs.map((r) => [r.id, r])));
      })
      .catch(showError);
    return () => {
      live = false;
    };
  }, [key]);
  return books;
}

export const useRulebook = (id: string | undefined) => useRulebooks(id ? [id] : []).get(id ?? '');

/** Every step of a kind's procedure, in order (steps of one stage side by side). */
export function stepsOf(rb: RulebookData, kind: AdjustmentKind): StepDef[] {
  const k = rb.adjustmentKinds.find((x) => x.kind === kind);
  return k ? rb.procedures[k.procedure].stages.flat() : [];
}

export function stepLabel(rb: RulebookData | undefined, step: StepId): string {
  if (!rb) return step;
  for (const p of Object.values(rb.procedures))
    for (const st of p.stages) for (const s of st) if (s.id === step) return s.label;
  return step;
}

export function findStepDef(rb: RulebookData, kind: AdjustmentKind, step: StepId): StepDef | undefined {
  return stepsOf(rb, kind).find((s) => s.id === step);
}

/** '§13.1' → 第十三条第一项 (as the server's citeArticle): the contract's words. */
export { articleWords };

/**
 * Citations in the server's words (citeArticle): '《title》第N条'. A value a rulebook inherited from
 * the one it replaced cites that regulation, not its own.
 */
export function useCite(rb: RulebookData | undefined) {
  const prior = useRulebook(rb?.supersedes ?? undefined);
  return (ref: string, inherited?: boolean) =>
    rb ? `${(inherited && prior ? prior : rb).regulation.title}${articleWords(ref)}` : '';
}
