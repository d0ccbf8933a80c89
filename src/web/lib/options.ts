// Select options: bodies labelled with their region (same-named bodies are told apart), and search.
import type { Body } from '../types.ts';

export const bodyOptions = (bodies: Body[] | undefined) =>
  (bodies ?? []).map((b) => ({ value: b.id, label: b.regionLevel === 1 ? b.name : `${b.name}（${b.regionName}）` }));

export const filterByLabel = (input: string, option?: { label?: unknown }) =>
  String(option?.label ?? '')
    .toLowerCase()
    .includes(input.trim().toLowerCase());
