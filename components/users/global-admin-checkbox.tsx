import { Choice } from "../ui/choice";
import { FieldError } from "../ui/field";

/** Only global admins see this: it makes someone an admin of every site, present and future. */
export function GlobalAdminCheckbox({
  checked,
  onChange,
  error,
  disabled,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
  disabled?: boolean;
}) {
  return (
    <div className="space-y-1.5">
      <Choice
        type="checkbox"
        label="Global admin"
        hint={
          disabled
            ? "You can't drop your own admin rights."
            : "Can do everything on every site, including managing sites and other admins."
        }
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      {error && <FieldError>{error}</FieldError>}
    </div>
  );
}
