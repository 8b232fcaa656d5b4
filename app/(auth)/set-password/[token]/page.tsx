import type { Metadata } from "next";
import { SetPasswordForm } from "@/components/profile/set-password-form";

export const metadata: Metadata = { title: "Choose your password", referrer: "no-referrer" };

/** Public on purpose (no session): the one-time token in the path is the credential. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <SetPasswordForm token={token} />;
}
