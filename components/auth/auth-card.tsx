import type { ReactNode } from "react";
import { Card } from "../ui/card";
import { Logo } from "../ui/logo";

/** The centred card with the logo that sign-in and set-password pages share. */
export function AuthCard({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex justify-center">
          <Logo className="text-lg" />
        </div>
        <Card className="p-6 sm:p-8">{children}</Card>
      </div>
    </main>
  );
}
