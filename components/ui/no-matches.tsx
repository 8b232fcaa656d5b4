import { Button } from "./button";

/** A filtered list that came back empty, with the one action that gets rows back (usually clearing filters). */
export function NoMatches({
  title,
  action,
  onAction,
}: {
  title: string;
  action: string;
  onAction: () => void;
}) {
  return (
    <div className="px-6 py-16 text-center">
      <p className="text-base font-semibold">{title}</p>
      <Button className="mt-4" onClick={onAction}>
        {action}
      </Button>
    </div>
  );
}
