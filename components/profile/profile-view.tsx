import { PasswordForm } from "./password-form";
import { SessionsSection } from "./sessions-section";
import { ProfileSummary, type ProfileInfo } from "./profile-summary";
import { TokensSection } from "./tokens-section";

export function ProfileView({ profile }: { profile: ProfileInfo }) {
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold tracking-tight">Profile</h1>
      <ProfileSummary profile={profile} />
      <PasswordForm />
      <SessionsSection />
      <TokensSection />
    </div>
  );
}
