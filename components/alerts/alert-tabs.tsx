"use client";

const TABS = [
  { id: "active", label: "Active" },
  { id: "history", label: "History" },
] as const;

type Tab = (typeof TABS)[number]["id"];

/** Active / History as a segmented toggle: big enough for a thumb, a plain pair of buttons for assistive tech. */
export function AlertTabs({ value, onChange }: { value: Tab; onChange: (tab: Tab) => void }) {
  return (
    <div
      role="group"
      aria-label="Which alerts"
      className="inline-flex rounded-lg border border-border bg-zinc-100 p-1 dark:bg-zinc-900"
    >
      {TABS.map((t) => (
        <button
          key={t.id}
          type="button"
          aria-pressed={value === t.id}
          onClick={() => onChange(t.id)}
          className={`min-w-24 rounded-md px-4 py-2 text-sm font-medium transition ${value === t.id ? "bg-surface text-foreground shadow-xs" : "text-muted hover:text-foreground"}`}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
