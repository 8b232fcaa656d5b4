import { z } from "zod";
import { SITE_ROLES } from "../auth/access";
import { MIN_PASSWORD_LENGTH } from "../auth/password-policy";

export const roleInput = z.object({ site: z.string().min(1), role: z.enum(SITE_ROLES) });

export const newUserInput = z.object({
  email: z.email("not an email address").transform((e) => e.trim().toLowerCase()),
  name: z.string().trim().min(1, "required").max(120),
  // Without a password the answer carries a one-time link for the person to choose one.
  password: z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).optional(),
  roles: z.array(roleInput).max(500).default([]),
  isAdmin: z.boolean().default(false),
});

export const userPatchInput = z.object({
  name: z.string().trim().min(1, "required").max(120).optional(),
  roles: z.array(roleInput).max(500).optional(),
  disabled: z.boolean().optional(),
  isAdmin: z.boolean().optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).optional(),
  /** Issue a new one-time link to choose a password (and stop the old password). */
  resetLink: z.literal(true).optional(),
});

/** A role on one site, by the site's slug. */
export type RoleInput = z.infer<typeof roleInput>;
export type NewUserInput = z.infer<typeof newUserInput>;
export type UserPatchInput = z.infer<typeof userPatchInput>;
