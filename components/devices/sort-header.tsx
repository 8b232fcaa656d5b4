import type { DeviceSort } from "./use-device-filters";

type Field = "name" | "site" | "lastSeen" | "status";

interface Props {
  field: Field;
  label: string;
  sort: DeviceSort;
  onSort: (sort: DeviceSort) => void;
}

/** A column header that sorts by its field; clicking again flips the direction. */
export function SortHeader({ field, label, sort, onSort }: Props) {
  const current = sort === field ? "ascending" : sort === `-${field}` ? "descending" : "none";
  const next = (current === "ascending" ? `-${field}` : field) as DeviceSort;
  return (
    <th scope="col" aria-sort={current} className="px-4 py-2.5 text-left font-medium">
      <button
        type="button"
        onClick={() => onSort(next)}
        className="inline-flex items-center gap-1 uppercase tracking-wide hover:text-foreground"
      >
        {label}
        <span aria-hidden className={current === "none" ? "opacity-0" : ""}>
          {current === "descending" ? "↓" : "↑"}
        </span>
      </button>
    </th>
  );
}
