import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export default function DeviceNotFound() {
  return (
    <Card className="mx-auto mt-10 max-w-lg p-8 text-center">
      <h1 className="text-base font-semibold">Device not found</h1>
      <p className="mt-2 text-muted">
        There is no device with this key, or it belongs to a site you don&apos;t have access to. Check the
        key, or ask an admin to add you to its site.
      </p>
      <Link href="/devices" className={buttonClass("primary", "mt-5")}>
        Back to devices
      </Link>
    </Card>
  );
}
