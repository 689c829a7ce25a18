// Names for the codes every page shows: districts and categories from the reference endpoints
// (and any other {code, name} list a page loads), and the fixed enumerations of SPEC §7.
import { api } from './session.js';

export const URGENCY = { EMERGENCY: '紧急', URGENT: '较急', NORMAL: '一般' };
export const CALL_TYPE = { COMPLAINT: '投诉', REQUEST: '求助', CONSULTATION: '咨询', REPORT: '举报', SUGGESTION: '建议' };

const names = {};

/** A [{code, name}] list from the API, empty when it cannot be had (the page then shows codes). */
export async function codes(path) {
  const response = await api(path);
  return response.ok ? response.json() : [];
}

/** Keeps the names of a loaded list for nameOf(kind, code); returns the list for selects. */
export function remember(kind, entries) {
  names[kind] = Object.fromEntries(entries.map((e) => [e.code, e.name]));
  return entries;
}

export const nameOf = (kind, code) => names[kind]?.[code] ?? code ?? '';

/** Districts and categories, as [{code, name}], remembered for nameOf. */
export async function loadReference() {
  const [districts, categories] = await Promise.all(
    ['/api/reference/districts', '/api/reference/categories'].map(codes));
  return { districts: remember('district', districts), categories: remember('category', categories) };
}
