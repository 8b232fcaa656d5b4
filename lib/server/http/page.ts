/** One page of a long list, as the list routes answer `?page&pageSize`. */
export interface PageView<T> {
  items: T[];
  /** How many match the filters, on every page together. */
  total: number;
  page: number;
  pageSize: number;
}

export function toPageView<T>(
  items: T[],
  total: number,
  { page, pageSize }: { page: number; pageSize: number },
): PageView<T> {
  return { items, total, page, pageSize };
}
