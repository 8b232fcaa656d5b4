import { formatLocalClock, formatLocalDate } from "./format";

/** A table that on phones becomes a stack of cards, a row each: its table, body and row classes. */
export const CARD_TABLE = "w-full text-sm max-lg:block";
export const CARD_BODY = "divide-y divide-border max-lg:block";
export const CARD_ROW = "max-lg:block max-lg:space-y-1.5 max-lg:px-4 max-lg:py-3";

/** A table cell that on phones becomes a "Label value" line of its row's card (label from data-label). */
export const CARD_CELL =
  "px-3 py-2.5 align-top max-lg:flex max-lg:gap-2 max-lg:p-0 max-lg:before:w-20 max-lg:before:shrink-0 max-lg:before:text-muted max-lg:before:font-sans max-lg:before:text-sm max-lg:before:content-[attr(data-label)] max-lg:empty:hidden";

/** Column headers, hidden on phones where each row is a card. An empty header is an actions column. */
export function CardTableHead({ headers }: { headers: string[] }) {
  return (
    <thead className="border-b border-border bg-zinc-50 text-xs uppercase tracking-wide text-muted max-lg:hidden dark:bg-zinc-900">
      <tr>
        {headers.map((h, i) => (
          <th key={i} scope="col" className="px-3 py-2.5 text-left font-medium">
            {h || <span className="sr-only">Actions</span>}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A moment as the local date over the local time (one line on phones). */
export function LocalMoment({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} className="lg:flex lg:flex-col">
      <span>{formatLocalDate(iso)}</span>
      <span className="max-lg:before:content-[',_'] lg:text-xs lg:text-muted">{formatLocalClock(iso)}</span>
    </time>
  );
}
